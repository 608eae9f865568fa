package dev.vigil.shield.detect.cmdi;

/**
 * Names of programs and shell built-ins that attackers run through command injection, with what each needs before a
 * word of that name counts as an invocation. The names come from the shells and operating systems themselves
 * (coreutils, net-tools, Windows {@code cmd} built-ins and system tools, PowerShell cmdlets, interpreters).
 *
 * <p>A {@code switch} on a string compiles to a hash lookup and builds no table at class load.
 */
final class CommandTable {

    /** A tool name that is not an English word: after a command boundary it is an invocation by itself. */
    static final int TOOL = 1;

    /** A name that is also an English word or a very short token: it needs shell-shaped arguments. */
    static final int WORD = 2;

    /** An interpreter that runs code from an argument ({@code -c}, {@code -e}, {@code -r}). */
    static final int INTERPRETER = 4;

    /** netcat and friends: {@code -e} / {@code -c} hands a shell to a socket. */
    static final int NETCAT = 8;

    /** A shell: {@code -i} makes it interactive, the reverse-shell shape. */
    static final int SHELL = 16;

    /** A Windows command shell or PowerShell. */
    static final int WINDOWS = 32;

    /** Runs the command that follows it ({@code sudo}, {@code nohup}, {@code time} ...). */
    static final int WRAPPER = 64;

    /** May carry a version suffix ({@code python3.10}, {@code php7}). */
    static final int VERSIONED = 128;

    /** Useful to an attacker with no argument at all ({@code whoami}, {@code ifconfig}). */
    static final int STANDALONE = 256;

    /** Takes a number as its argument in a blind probe ({@code sleep 5}, {@code ping -n 30}). */
    static final int NUMERIC = 512;

    private CommandTable() {}

    /** The flags of a lower-case command name, or 0 when it is not a known command. */
    static int kind(String name) {
        switch (name) {
            // shells
            case "sh":
            case "bash":
            case "zsh":
            case "ksh":
            case "dash":
            case "csh":
            case "tcsh":
            case "ash":
            case "fish":
            case "busybox":
                return TOOL | SHELL;
            // interpreters
            case "python":
            case "perl":
            case "ruby":
            case "php":
            case "lua":
            case "node":
            case "nodejs":
            case "tclsh":
            case "jrunscript":
            case "jshell":
            case "irb":
            case "pip":
                return TOOL | INTERPRETER | VERSIONED;
            // network shells
            case "nc":
            case "ncat":
            case "netcat":
            case "socat":
            case "telnet":
                return TOOL | NETCAT;
            // Windows shells and tools
            case "systeminfo":
            case "tasklist":
            case "ipconfig":
                return TOOL | WINDOWS | STANDALONE;
            case "cmd":
            case "powershell":
            case "pwsh":
            case "certutil":
            case "bitsadmin":
            case "wmic":
            case "regsvr32":
            case "rundll32":
            case "mshta":
            case "cscript":
            case "wscript":
            case "schtasks":
            case "taskkill":
            case "netsh":
            case "regedit":
            case "tracert":
            case "pathping":
            case "nltest":
            case "dsquery":
            case "qwinsta":
            case "vssadmin":
            case "bcdedit":
            case "bcdboot":
            case "diskpart":
            case "fsutil":
            case "icacls":
            case "cacls":
            case "findstr":
            case "forfiles":
            case "net1":
            case "iex":
            case "iwr":
            case "invoke-expression":
            case "invoke-webrequest":
            case "invoke-restmethod":
            case "invoke-command":
            case "invoke-item":
            case "start-process":
            case "new-object":
            case "get-childitem":
            case "get-content":
            case "get-process":
            case "get-wmiobject":
            case "set-executionpolicy":
            case "downloadstring":
            case "downloadfile":
                return TOOL | WINDOWS;
            case "whoami":
            case "ifconfig":
            case "uname":
            case "netstat":
            case "visudo":
            case "htop":
            case "printenv":
                return TOOL | STANDALONE;
            case "gcc":
            case "pipx":
                return TOOL | VERSIONED;
            // Unix tools whose names are not words
            case "wget":
            case "curl":
            case "lwp-download":
            case "lwp-request":
            case "nslookup":
            case "mkfifo":
            case "mknod":
            case "chmod":
            case "chown":
            case "chgrp":
            case "chattr":
            case "useradd":
            case "adduser":
            case "usermod":
            case "userdel":
            case "base64":
            case "xxd":
            case "hexdump":
            case "getent":
            case "pwd":
            case "ls":
            case "lsof":
            case "lsb_release":
            case "dmesg":
            case "nmap":
            case "crontab":
            case "iptables":
            case "strace":
            case "ltrace":
            case "gdb":
            case "traceroute":
            case "hostname":
            case "uptime":
            case "sudo":
            case "nohup":
            case "setsid":
            case "xargs":
            case "grep":
            case "egrep":
            case "fgrep":
            case "awk":
            case "gawk":
            case "nawk":
            case "sed":
            case "zcat":
            case "zstdcat":
            case "bzcat":
            case "xzcat":
            case "gunzip":
            case "bunzip2":
            case "unxz":
            case "unzip":
            case "gzip":
            case "bzip2":
            case "tar":
            case "readlink":
            case "mkdir":
            case "rmdir":
            case "tftp":
            case "scp":
            case "ssh":
            case "sftp":
            case "rsync":
            case "openssl":
            case "sqlite3":
            case "mysql":
            case "psql":
            case "kubectl":
            case "ansible":
            case "ansible-playbook":
            case "ansible-console":
            case "ansible-pull":
            case "ansible-vault":
            case "ansible-inventory":
            case "chef-client":
            case "chef-vault":
            case "chpasswd":
            case "wc":
            case "cpulimit":
            case "ifdown":
            case "ifup":
            case "uudecode":
            case "javac":
            case "c89":
            case "c99":
            case "rmt":
            case "perf":
            case "flock":
            case "lastlog":
            case "aptitude":
            case "cscli":
            case "bsdtar":
            case "uconv":
            case "ansible-config":
            case "ansible-doc":
            case "ansible-galaxy":
            case "chef-shell":
            case "chef-run":
            case "setarch":
            case "rlwrap":
            case "unshare":
            case "pkexec":
            case "doas":
            case "tcpdump":
            case "dig":
            case "nping":
            case "msfvenom":
            case "ssh-keygen":
            case "ssh-copy-id":
            case "wevtutil":
                return TOOL;
            // names that are also words, short tokens or common abbreviations
            case "id":
            case "cat":
            case "dir":
            case "type":
            case "echo":
            case "ping":
            case "sleep":
            case "set":
            case "net":
            case "ps":
            case "rm":
            case "cp":
            case "mv":
            case "cd":
            case "ln":
            case "dd":
            case "od":
            case "df":
            case "du":
            case "tr":
            case "kill":
            case "pkill":
            case "killall":
            case "find":
            case "locate":
            case "which":
            case "whereis":
            case "more":
            case "less":
            case "head":
            case "tail":
            case "sort":
            case "uniq":
            case "cut":
            case "tee":
            case "touch":
            case "file":
            case "stat":
            case "strings":
            case "who":
            case "last":
            case "date":
            case "env":
            case "export":
            case "alias":
            case "history":
            case "test":
            case "true":
            case "false":
            case "exit":
            case "eval":
            case "exec":
            case "source":
            case "timeout":
            case "time":
            case "nice":
            case "wait":
            case "mount":
            case "free":
            case "top":
            case "ver":
            case "vi":
            case "vim":
            case "ex":
            case "ed":
            case "man":
            case "nano":
            case "emacs":
            case "expect":
            case "screen":
            case "tmux":
            case "make":
            case "java":
            case "docker":
            case "apt":
            case "yum":
            case "gem":
            case "npm":
            case "zip":
            case "host":
            case "route":
            case "arp":
            case "column":
            case "comm":
            case "bridge":
            case "trap":
            case "copy":
            case "del":
            case "erase":
            case "move":
            case "ren":
            case "rd":
            case "md":
            case "start":
            case "call":
            case "query":
            case "reg":
            case "sc":
            case "attrib":
            case "shutdown":
            case "reboot":
            case "finger":
            case "groups":
            case "users":
            case "rev":
            case "nl":
            case "fold":
            case "base32":
            case "diff":
            case "cmp":
            case "paste":
            case "look":
            case "split":
            case "sum":
                return kindOfWord(name);
            default:
                return 0;
        }
    }

    private static int kindOfWord(String name) {
        switch (name) {
            case "timeout":
                return WORD | WRAPPER | NUMERIC;
            case "time":
            case "nice":
            case "exec":
            case "eval":
            case "env":
            case "start":
            case "call":
                return WORD | WRAPPER;
            case "sleep":
            case "ping":
                return WORD | NUMERIC;
            default:
                return WORD;
        }
    }

    /**
     * Short command names tried against glob words ({@code /???/c?t}, {@code /bin/n?}), space separated: the ones an
     * attacker spells with wildcards to get past a filter.
     */
    static final String GLOB_TARGETS =
            " cat nc ncat netcat wget curl bash sh id whoami ls uname python perl php ruby ping sleep echo base64 tail"
                    + " head more less which ifconfig netstat ";

    /** Directories that hold executables (with {@code /} separators, lower case), space separated and padded. */
    static final String EXEC_DIRS = " /bin /sbin /usr/bin /usr/sbin /usr/local/bin /usr/local/sbin /system/bin"
            + " /usr/libexec /opt/bin bin usr/bin sbin usr/sbin c:/windows/system32 c:/windows/syswow64 c:/windows"
            + " c:/windows/system32/windowspowershell/v1.0 ";
}
