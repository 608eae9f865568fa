package dev.vigil.shield.detect.pathtraversal;

/**
 * What an attacker reads once a path is under his control, from knowledge of the operating systems and runtimes
 * (not from payload lists). {@link #match} looks at the path segments starting at one index and says how sensitive
 * what they name is, and how much context that takes to count:
 *
 * <ul>
 *   <li>{@link #STRONG}: names only an attacker asks for ({@code etc/passwd}, {@code proc/self/environ}, {@code
 *       .aws/credentials}, {@code WEB-INF/web.xml}, {@code boot.ini}, {@code win.ini}, SSH private keys, shell
 *       histories, {@code system32/config/SAM}): counts anywhere;
 *   <li>{@link #ROOT}: a system directory and something in it ({@code /etc/...}, {@code /proc/...}, {@code
 *       /var/log/...}, {@code /var/task/...} where Lambda keeps the handler's code, {@code /opt/...} for layers,
 *       {@code /root/...}, {@code /usr/local/...}, {@code inetpub}): counts when the path starts there (absolute)
 *       or reaches it by climbing;
 *   <li>{@link #FILE}: configuration, credential and log files ({@code web.config}, {@code php.ini}, {@code
 *       .htaccess}, {@code .env}, {@code application.properties}, {@code access.log}): count in an absolute path or
 *       after a climb;
 *   <li>{@link #HIDDEN}: any other dot-directory or dot-file ({@code .git}, {@code .docker}, tool configuration):
 *       counts after a climb, as a directory anywhere in an absolute path, or as a file at its root; {@code
 *       .well-known} never counts.
 * </ul>
 */
final class SensitiveTargets {

    static final int NONE = 0;
    static final int HIDDEN = 1;
    static final int FILE = 2;
    static final int ROOT = 3;
    static final int STRONG = 4;

    private SensitiveTargets() {}

    /** How sensitive the path {@code seg[i..n)} is (one of the constants above). */
    static int match(String[] seg, int i, int n) {
        String s = seg[i];
        String next = i + 1 < n ? seg[i + 1] : null;
        switch (s) {
            case "etc":
                if (next == null) {
                    return NONE;
                }
                return etcFile(next) ? STRONG : ROOT;
            case "proc":
                if (next == null) {
                    return NONE;
                }
                return procEntry(next) ? STRONG : ROOT;
            case "sys":
                if (next == null) {
                    return NONE;
                }
                switch (next) {
                    case "class":
                    case "kernel":
                    case "devices":
                    case "block":
                    case "firmware":
                    case "hypervisor":
                        return STRONG;
                    default:
                        return sysEntry(next) ? ROOT : NONE;
                }
            case "var":
                if (next != null && next.equals("run") && i + 2 < n && seg[i + 2].equals("secrets")) {
                    return STRONG; // Kubernetes service-account tokens
                }
                return next != null && (varEntry(next) || i + 2 < n) ? ROOT : NONE;
            case "run":
                return next != null && next.equals("secrets") ? STRONG : NONE; // Docker and Kubernetes secrets
            case "inetsrv":
                return next != null && next.equals("config") ? STRONG : ROOT; // IIS configuration
            case "usr":
                // programs under /usr/bin are the command-injection detector's business
                return i + 2 < n && !seg[i + 1].equals("bin") && !seg[i + 1].equals("sbin") ? ROOT : NONE;
            case "volumes":
                return i + 2 < n ? ROOT : NONE;
            case "dev":
                return next != null && devEntry(next) ? ROOT : NONE;
            case "root":
            case "boot":
            case "tmp":
            case "opt":
            case "private":
                return next != null ? ROOT : NONE;
            case "home":
            case "users":
                return i + 2 < n && seg[i + 2].length() > 1 && seg[i + 2].charAt(0) == '.' ? ROOT : NONE;
            case "windows":
            case "winnt":
                if (next == null) {
                    return NONE;
                }
                if (next.equals("repair")
                        || next.equals("panther")
                        || next.equals("debug")
                        || next.equals("minidump")) {
                    return STRONG;
                }
                return next.endsWith(".ini") || next.endsWith(".log") ? FILE : NONE;
            case "system32":
                if (next == null) {
                    return NONE;
                }
                return next.equals("config") ? STRONG : next.equals("inetsrv") || next.equals("logfiles") ? ROOT : NONE;
            case "inetpub":
            case "xampp":
            case "wamp":
            case "wamp64":
            case "lampp":
            case "htdocs":
            case "wwwroot":
                return ROOT;
            case "web-inf":
            case "meta-inf":
                return next != null ? STRONG : ROOT;
            case ".aws":
            case ".ssh":
            case ".gnupg":
            case ".kube":
            case ".docker":
                return next != null ? STRONG : ROOT;
            default:
                return name(s);
        }
    }

    private static int name(String s) {
        switch (s) {
            case "boot.ini":
            case "win.ini":
            case "system.ini":
            case "ntuser.dat":
            case "id_rsa":
            case "id_dsa":
            case "id_ecdsa":
            case "id_ed25519":
            case "authorized_keys":
            case ".bash_history":
            case ".zsh_history":
            case ".sh_history":
            case ".mysql_history":
            case ".psql_history":
            case ".htpasswd":
            case ".git-credentials":
            case ".pgpass":
            case ".netrc":
            case "master.passwd":
            case "unattend.xml":
            case "sysprep.inf":
            case "sysprep.xml":
            case "unattend.txt":
            case "unattended.xml":
            case "unattended.txt":
            case "applicationhost.config":
            case "wp-config.php":
                return STRONG;
            case "passwd":
            case "shadow":
            case "known_hosts":
            case ".htaccess":
            case ".env":
            case ".bashrc":
            case ".bash_profile":
            case ".bash_logout":
            case ".login":
            case ".logout":
            case ".cshrc":
            case ".forward":
            case ".rhosts":
            case ".shosts":
            case ".xauthority":
            case ".viminfo":
            case ".profile":
            case ".history":
            case ".npmrc":
            case ".gitconfig":
            case ".dockercfg":
            case "web.config":
            case "php.ini":
            case "my.ini":
            case "my.cnf":
            case "httpd.conf":
            case "apache2.conf":
            case "nginx.conf":
            case "php-fpm.conf":
            case "access.log":
            case "error.log":
            case "access_log":
            case "error_log":
            case "application.properties":
            case "application.yml":
            case "application.yaml":
            case "bootstrap.yml":
            case "bootstrap.properties":
            case "config.php":
            case "configuration.php":
            case "localsettings.php":
            case "settings.php":
            case "settings.py":
            case "database.yml":
            case "credentials":
            case "environ":
            case "cmdline":
            case "sam":
            case "web.xml":
            case "server.xml":
            case "tomcat-users.xml":
            case "standalone.xml":
                return FILE;
            default:
                break;
        }
        int len = s.length();
        if (len == 0) {
            return NONE;
        }
        char c0 = s.charAt(0);
        if (c0 != 'e' && c0 != 'i' && c0 != 's' && c0 != 'u' && s.indexOf('.') < 0) {
            return NONE; // every rule below needs a dot or starts with one of these letters
        }
        if (len > 3 && s.startsWith("etc") && etcFile(s.substring(3))) {
            return STRONG; // etc and a file with the separator lost
        }
        if (len > 7 && s.startsWith("web-inf") && s.endsWith(".xml")) {
            return STRONG;
        }
        if (len > 7 && s.startsWith("inetpub")) {
            return ROOT; // inetpub and more with the separators lost
        }
        if (s.endsWith("global.asa") || s.endsWith("global.asax")) {
            return FILE; // IIS/ASP application configuration
        }
        if (s.endsWith(".sql")
                || s.contains(".sql.")
                || s.endsWith(".bak")
                || s.endsWith(".sqlite")
                || s.endsWith(".mdb")) {
            return FILE; // database dumps and backups
        }
        if (s.startsWith("sysprep") || s.startsWith("unattend")) {
            return FILE; // Windows setup answer files hold administrator passwords
        }
        if (len > 4
                && (s.endsWith(".log")
                        || s.endsWith(".ini")
                        || s.endsWith(".conf")
                        || s.endsWith(".cnf")
                        || s.endsWith(".err"))) {
            return FILE;
        }
        if (len > 1 && s.charAt(0) == '.' && s.charAt(1) != '.' && !s.equals(".well-known")) {
            return HIDDEN;
        }
        return NONE;
    }

    /** Files under {@code /etc} that only an attacker asks a web application for. */
    private static boolean etcFile(String s) {
        switch (s) {
            case "passwd":
            case "shadow":
            case "group":
            case "gshadow":
            case "hosts":
            case "issue":
            case "issue.net":
            case "hostname":
            case "motd":
            case "fstab":
            case "mtab":
            case "crontab":
            case "sudoers":
            case "resolv.conf":
            case "inittab":
            case "profile":
            case "bashrc":
            case "os-release":
            case "lsb-release":
            case "redhat-release":
            case "debian_version":
            case "master.passwd":
            case "passwd-":
            case "shadow-":
            case "security":
            case "ssh":
            case "httpd":
            case "apache":
            case "apache2":
            case "nginx":
            case "mysql":
            case "my.cnf":
            case "php.ini":
            case "environment":
            case "login.defs":
            case "exports":
            case "aliases":
            case "ld.so.conf":
            case "ld.so.preload":
            case "crypttab":
            case "ftpusers":
            case "vsftpd.conf":
            case "hosts.allow":
            case "hosts.deny":
                return true;
            default:
                return false;
        }
    }

    private static boolean procEntry(String s) {
        switch (s) {
            case "self":
            case "version":
            case "cpuinfo":
            case "meminfo":
            case "mounts":
            case "net":
            case "cmdline":
            case "environ":
            case "sched_debug":
            case "interrupts":
            case "stat":
            case "uptime":
            case "loadavg":
            case "partitions":
            case "filesystems":
            case "devices":
            case "swaps":
            case "kallsyms":
            case "iomem":
            case "ioports":
            case "diskstats":
            case "vmstat":
            case "zoneinfo":
            case "slabinfo":
            case "timer_list":
            case "keys":
            case "crypto":
            case "sys":
            case "driver":
            case "tty":
            case "bus":
            case "fs":
            case "irq":
            case "kcore":
            case "modules":
            case "config.gz":
            case "thread-self":
                return true;
            default:
                return !s.isEmpty() && isDigits(s);
        }
    }

    private static boolean sysEntry(String s) {
        switch (s) {
            case "class":
            case "kernel":
            case "devices":
            case "block":
            case "module":
            case "fs":
            case "firmware":
            case "power":
            case "bus":
            case "hypervisor":
                return true;
            default:
                return false;
        }
    }

    private static boolean varEntry(String s) {
        switch (s) {
            case "log":
            case "logs":
            case "adm":
            case "mail":
            case "spool":
            case "run":
            case "lib":
            case "www":
            case "task": // AWS Lambda: the function's code (LAMBDA_TASK_ROOT)
            case "runtime": // AWS Lambda: the runtime's code
            case "backups":
            case "db":
            case "cache":
            case "opt":
            case "tmp":
            case "cpanel":
            case "apache2":
            case "nginx":
                return true;
            default:
                return false;
        }
    }

    private static boolean devEntry(String s) {
        switch (s) {
            case "null":
            case "zero":
            case "random":
            case "urandom":
            case "tcp":
            case "udp":
            case "stdin":
            case "stdout":
            case "stderr":
            case "fd":
            case "shm":
            case "mem":
            case "kmem":
            case "tty":
                return true;
            default:
                return false;
        }
    }

    private static boolean isDigits(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
