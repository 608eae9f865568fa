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

    /** Longest name in the table. */
    static final int MAX_NAME = 19;

    /**
     * Whether a table name can start with the lower-case {@code first} and have {@code len} characters: a cheap test
     * that rejects most plain words before {@link #kind} (which needs a String). The masks hold bit {@code len} for
     * each name length per first letter; {@code CommandTableTest} checks them against the table.
     */
    static boolean mayBeName(char first, int len) {
        if (len <= 0 || len > MAX_NAME) {
            return false;
        }
        return (lengthMask(first) >>> len & 1) != 0;
    }

    /** Bit {@code k} set when a name of length {@code k} starts with {@code first}. */
    static int lengthMask(char first) {
        switch (first) {
            case 'a':
                return 0x3f9e8;
            case 'b':
                return 0x2f0;
            case 'c':
                return 0xdfc;
            case 'd':
                return 0x51fc;
            case 'e':
                return 0x7c;
            case 'f':
                return 0x1f0;
            case 'g':
                return 0x2858;
            case 'h':
                return 0x190;
            case 'i':
                return 0x2495c;
            case 'j':
                return 0x470;
            case 'k':
                return 0x98;
            case 'l':
                return 0x18dc;
            case 'm':
                return 0x17c;
            case 'n':
                return 0x5fc;
            case 'o':
                return 0x84;
            case 'p':
                return 0x57c;
            case 'q':
                return 0xa0;
            case 'r':
                return 0x1fc;
            case 's':
                return 0x82dfc;
            case 't':
                return 0x5fc;
            case 'u':
                return 0x1f0;
            case 'v':
                return 0x14c;
            case 'w':
                return 0x1fc;
            case 'x':
                return 0x28;
            case 'y':
                return 0x8;
            case 'z':
                return 0x98;
            default:
                return 0;
        }
    }

    /** The flags of a lower-case command name, or 0 when it is not a known command. */
    /** The flags of a lower-case command name, or 0 when it is not a known command. */
    static int kind(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        // split by first letter: one switch over every name would exceed the JIT's method size limit
        char c = name.charAt(0);
        if (c <= 'c') {
            return kindAToC(name);
        }
        if (c <= 'i') {
            return kindDToI(name);
        }
        if (c <= 'o') {
            return kindJToO(name);
        }
        if (c <= 'r') {
            return kindPToR(name);
        }
        if (c <= 's') {
            return kindS(name);
        }
        return kindTToZ(name);
    }

    private static int kindAToC(String name) {
        switch (name) {
            case "adduser":
            case "ansible":
            case "ansible-config":
            case "ansible-console":
            case "ansible-doc":
            case "ansible-galaxy":
            case "ansible-inventory":
            case "ansible-playbook":
            case "ansible-pull":
            case "ansible-vault":
            case "aptitude":
            case "awk":
            case "base64":
            case "bsdtar":
            case "bunzip2":
            case "bzcat":
            case "bzip2":
            case "c89":
            case "c99":
            case "chattr":
            case "chef-client":
            case "chef-run":
            case "chef-shell":
            case "chef-vault":
            case "chgrp":
            case "chmod":
            case "chown":
            case "chpasswd":
            case "cpulimit":
            case "crontab":
            case "cscli":
            case "curl":
                return TOOL;
            case "alias":
            case "apt":
            case "arp":
            case "attrib":
            case "base32":
            case "bridge":
            case "cat":
            case "cd":
            case "cmp":
            case "column":
            case "comm":
            case "copy":
            case "cp":
            case "cut":
                return WORD;
            case "ash":
            case "bash":
            case "busybox":
            case "csh":
                return TOOL | SHELL;
            case "bcdboot":
            case "bcdedit":
            case "bitsadmin":
            case "cacls":
            case "certutil":
            case "cmd":
            case "cscript":
                return TOOL | WINDOWS;
            case "call":
                return WORD | WRAPPER;
            default:
                return 0;
        }
    }

    private static int kindDToI(String name) {
        switch (name) {
            case "dash":
            case "fish":
                return TOOL | SHELL;
            case "date":
            case "dd":
            case "del":
            case "df":
            case "diff":
            case "dir":
            case "docker":
            case "du":
            case "echo":
            case "ed":
            case "emacs":
            case "erase":
            case "ex":
            case "exit":
            case "expect":
            case "export":
            case "false":
            case "file":
            case "find":
            case "finger":
            case "fold":
            case "free":
            case "gem":
            case "groups":
            case "head":
            case "history":
            case "host":
            case "id":
                return WORD;
            case "dig":
            case "dmesg":
            case "doas":
            case "egrep":
            case "fgrep":
            case "flock":
            case "gawk":
            case "gdb":
            case "getent":
            case "grep":
            case "gunzip":
            case "gzip":
            case "hexdump":
            case "hostname":
            case "ifdown":
            case "ifup":
            case "iptables":
                return TOOL;
            case "diskpart":
            case "downloadfile":
            case "downloadstring":
            case "dsquery":
            case "findstr":
            case "forfiles":
            case "fsutil":
            case "get-childitem":
            case "get-content":
            case "get-process":
            case "get-wmiobject":
            case "icacls":
            case "iex":
            case "invoke-command":
            case "invoke-expression":
            case "invoke-item":
            case "invoke-restmethod":
            case "invoke-webrequest":
            case "iwr":
                return TOOL | WINDOWS;
            case "env":
            case "eval":
            case "exec":
                return WORD | WRAPPER;
            case "gcc":
                return TOOL | VERSIONED;
            case "htop":
            case "ifconfig":
                return TOOL | STANDALONE;
            case "ipconfig":
                return TOOL | WINDOWS | STANDALONE;
            case "irb":
                return TOOL | INTERPRETER | VERSIONED;
            default:
                return 0;
        }
    }

    private static int kindJToO(String name) {
        switch (name) {
            case "java":
            case "kill":
            case "killall":
            case "last":
            case "less":
            case "ln":
            case "locate":
            case "look":
            case "make":
            case "man":
            case "md":
            case "more":
            case "mount":
            case "move":
            case "mv":
            case "nano":
            case "net":
            case "nl":
            case "npm":
            case "od":
                return WORD;
            case "javac":
            case "kubectl":
            case "lastlog":
            case "ls":
            case "lsb_release":
            case "lsof":
            case "ltrace":
            case "lwp-download":
            case "lwp-request":
            case "mkdir":
            case "mkfifo":
            case "mknod":
            case "msfvenom":
            case "mysql":
            case "nawk":
            case "nmap":
            case "nohup":
            case "nping":
            case "nslookup":
            case "openssl":
                return TOOL;
            case "jrunscript":
            case "jshell":
            case "lua":
            case "node":
            case "nodejs":
                return TOOL | INTERPRETER | VERSIONED;
            case "ksh":
                return TOOL | SHELL;
            case "mshta":
            case "net1":
            case "netsh":
            case "new-object":
            case "nltest":
                return TOOL | WINDOWS;
            case "nc":
            case "ncat":
            case "netcat":
                return TOOL | NETCAT;
            case "netstat":
                return TOOL | STANDALONE;
            case "nice":
                return WORD | WRAPPER;
            default:
                return 0;
        }
    }

    private static int kindPToR(String name) {
        switch (name) {
            case "paste":
            case "pkill":
            case "ps":
            case "query":
            case "rd":
            case "reboot":
            case "reg":
            case "ren":
            case "rev":
            case "rm":
            case "route":
                return WORD;
            case "pathping":
            case "powershell":
            case "pwsh":
            case "qwinsta":
            case "regedit":
            case "regsvr32":
            case "rundll32":
                return TOOL | WINDOWS;
            case "perf":
            case "pkexec":
            case "psql":
            case "pwd":
            case "readlink":
            case "rlwrap":
            case "rmdir":
            case "rmt":
            case "rsync":
                return TOOL;
            case "perl":
            case "php":
            case "pip":
            case "python":
            case "ruby":
                return TOOL | INTERPRETER | VERSIONED;
            case "ping":
                return WORD | NUMERIC;
            case "pipx":
                return TOOL | VERSIONED;
            case "printenv":
                return TOOL | STANDALONE;
            default:
                return 0;
        }
    }

    private static int kindS(String name) {
        switch (name) {
            case "sc":
            case "screen":
            case "set":
            case "shutdown":
            case "sort":
            case "source":
            case "split":
            case "stat":
            case "strings":
            case "sum":
                return WORD;
            case "schtasks":
            case "set-executionpolicy":
            case "start-process":
                return TOOL | WINDOWS;
            case "scp":
            case "sed":
            case "setarch":
            case "setsid":
            case "sftp":
            case "sqlite3":
            case "ssh":
            case "ssh-copy-id":
            case "ssh-keygen":
            case "strace":
            case "sudo":
                return TOOL;
            case "sh":
                return TOOL | SHELL;
            case "sleep":
                return WORD | NUMERIC;
            case "socat":
                return TOOL | NETCAT;
            case "start":
                return WORD | WRAPPER;
            case "systeminfo":
                return TOOL | WINDOWS | STANDALONE;
            default:
                return 0;
        }
    }

    private static int kindTToZ(String name) {
        switch (name) {
            case "tail":
            case "tee":
            case "test":
            case "tmux":
            case "top":
            case "touch":
            case "tr":
            case "trap":
            case "true":
            case "type":
            case "uniq":
            case "users":
            case "ver":
            case "vi":
            case "vim":
            case "wait":
            case "whereis":
            case "which":
            case "who":
            case "yum":
            case "zip":
                return WORD;
            case "tar":
            case "tcpdump":
            case "tftp":
            case "traceroute":
            case "uconv":
            case "unshare":
            case "unxz":
            case "unzip":
            case "uptime":
            case "useradd":
            case "userdel":
            case "usermod":
            case "uudecode":
            case "wc":
            case "wevtutil":
            case "wget":
            case "xargs":
            case "xxd":
            case "xzcat":
            case "zcat":
            case "zstdcat":
                return TOOL;
            case "taskkill":
            case "tracert":
            case "vssadmin":
            case "wmic":
            case "wscript":
                return TOOL | WINDOWS;
            case "tasklist":
                return TOOL | WINDOWS | STANDALONE;
            case "tclsh":
                return TOOL | INTERPRETER | VERSIONED;
            case "tcsh":
            case "zsh":
                return TOOL | SHELL;
            case "telnet":
                return TOOL | NETCAT;
            case "time":
                return WORD | WRAPPER;
            case "timeout":
                return WORD | WRAPPER | NUMERIC;
            case "uname":
            case "visudo":
            case "whoami":
                return TOOL | STANDALONE;
            default:
                return 0;
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
