package dev.vigil.shield.detect.codeinjection;

/**
 * Interpreter functions whose call in a request value means code injection. Names come from the languages' own
 * documentation (PHP program execution, eval, obfuscation, file, network and introspection functions; Python and Ruby
 * built-ins). Lookups take a lower-cased name.
 */
final class FunctionNames {

    /** Not a function of interest. */
    static final int NONE = 0;
    /** A function commonly abused in injected code (string, array, file helpers). */
    static final int REGULAR = 1;
    /** A function that runs code or commands, or decodes hidden code. */
    static final int DANGEROUS = 2;

    private FunctionNames() {}

    /**
     * Whether {@code name} is also an English word ({@code system}, {@code print}), so that prose such as "operating
     * system (Windows)" must be told apart from a call.
     */
    static boolean isWordLike(String name) {
        switch (name) {
            case "system":
            case "exec":
            case "eval":
            case "assert":
            case "include":
            case "require":
            case "print":
            case "range":
            case "link":
            case "mail":
            case "file":
            case "copy":
            case "compile":
            case "spawn":
            case "header":
            case "open":
            case "hash":
            case "pack":
            case "touch":
            case "glob":
            case "extract":
            case "compact":
            case "serialize":
            case "input":
            case "vars":
            case "pi":
                return true;
            default:
                return false;
        }
    }

    /** The kind of {@code name} (lower case). */
    static int kind(String name) {
        switch (name) {
            // PHP and Python/Ruby program execution and code evaluation
            case "eval":
            case "assert":
            case "system":
            case "exec":
            case "shell_exec":
            case "passthru":
            case "popen":
            case "proc_open":
            case "pcntl_exec":
            case "pcntl_fork":
            case "create_function":
            case "call_user_func":
            case "call_user_func_array":
            case "forward_static_call":
            case "forward_static_call_array":
            case "register_shutdown_function":
            case "register_tick_function":
            case "execfile":
            case "__import__":
            case "instance_eval":
            case "class_eval":
            case "module_eval":
            case "syscall":
            // decoding of hidden code
            case "base64_decode":
            case "gzinflate":
            case "gzuncompress":
            case "gzdecode":
            case "bzdecompress":
            case "zlib_decode":
            case "str_rot13":
            case "convert_uudecode":
            // introspection and environment
            case "phpinfo":
            case "php_uname":
            case "getenv":
            case "putenv":
            case "ini_set":
            case "ini_get_all":
            case "ini_restore":
            case "dl":
            case "get_defined_functions":
            case "get_defined_vars":
            case "get_defined_constants":
            case "get_current_user":
            case "getmypid":
            case "getmyuid":
            // files and network
            case "fsockopen":
            case "pfsockopen":
            case "stream_socket_client":
            case "stream_socket_server":
            case "file_put_contents":
            case "file_get_contents":
            case "fopen":
            case "fwrite":
            case "fputs":
            case "readfile":
            case "show_source":
            case "highlight_file":
            case "move_uploaded_file":
            case "unserialize":
            case "curl_exec":
            case "curl_init":
            case "symlink":
            case "unlink":
            case "chmod":
            case "chown":
            case "fpassthru":
            case "include_once":
            case "require_once":
            case "include":
            case "require":
                return DANGEROUS;
            case "strrev":
            case "chr":
            case "ord":
            case "intval":
            case "floatval":
            case "printf":
            case "sprintf":
            case "vsprintf":
            case "print_r":
            case "var_dump":
            case "var_export":
            case "debug_zval_dump":
            case "strip_tags":
            case "substr":
            case "str_replace":
            case "str_repeat":
            case "strtolower":
            case "strtoupper":
            case "implode":
            case "explode":
            case "unpack":
            case "pack":
            case "filegroup":
            case "fileowner":
            case "fileperms":
            case "scandir":
            case "glob":
            case "opendir":
            case "readdir":
            case "tempnam":
            case "tmpfile":
            case "touch":
            case "chgrp":
            case "rmdir":
            case "mkdir":
            case "fgets":
            case "fread":
            case "fclose":
            case "fscanf":
            case "file":
            case "parse_ini_file":
            case "parse_ini_string":
            case "parse_str":
            case "extract":
            case "compact":
            case "array_map":
            case "array_filter":
            case "array_walk":
            case "array_reduce":
            case "usort":
            case "uasort":
            case "uksort":
            case "preg_replace":
            case "preg_replace_callback":
            case "preg_match":
            case "mb_ereg_replace":
            case "ereg_replace":
            case "ob_start":
            case "htmlspecialchars":
            case "html_entity_decode":
            case "urldecode":
            case "rawurldecode":
            case "hex2bin":
            case "bin2hex":
            case "serialize":
            case "gethostbyname":
            case "gethostbynamel":
            case "escapeshellcmd":
            case "escapeshellarg":
            case "function_exists":
            case "method_exists":
            case "class_exists":
            case "get_class":
            case "is_callable":
            case "iterator_apply":
            case "set_error_handler":
            case "set_exception_handler":
            case "spl_autoload_register":
            case "apache_setenv":
            case "mail":
            case "header":
            case "print":
            case "compile":
            case "spawn":
            case "getattr":
            case "setattr":
            case "globals":
            case "locals":
            case "vars":
            case "breakpoint":
            case "fputcsv":
            case "fgetcsv":
            case "fprintf":
            case "vprintf":
            case "getcwd":
            case "gethostname":
            case "get_cfg_var":
            case "getlastmod":
            case "getmygid":
            case "getmyinode":
            case "getrusage":
            case "readlink":
            case "realpath":
            case "lstat":
            case "disk_free_space":
            case "diskfreespace":
            case "fileatime":
            case "filectime":
            case "linkinfo":
            case "lchown":
            case "lchgrp":
            case "chroot":
            case "umask":
            case "ignore_user_abort":
            case "set_time_limit":
            case "usleep":
            case "uniqid":
            case "strlen":
            case "strpos":
            case "stripos":
            case "strstr":
            case "stristr":
            case "strtr":
            case "substr_replace":
            case "ucwords":
            case "nl2br":
            case "addslashes":
            case "stripslashes":
            case "sha1_file":
            case "md5_file":
            case "crypt":
            case "base64_encode":
            case "urlencode":
            case "rawurlencode":
            case "http_build_query":
            case "setcookie":
            case "assert_options":
            case "fflush":
            case "ftruncate":
            case "flock":
            case "fseek":
            case "ftell":
            case "feof":
            case "open":
            case "input":
            case "range":
            case "pi":
                return REGULAR;
            default:
                if (name.startsWith("posix_") || name.startsWith("proc_") || name.startsWith("pcntl_")) {
                    return name.length() > 7 ? DANGEROUS : NONE;
                }
                if ((name.startsWith("gz") || name.startsWith("bz")) && name.length() > 5 && name.indexOf('_') < 0) {
                    return REGULAR; // zlib and bzip2 functions: gzopen, gzpassthru, bzread
                }
                return hasExtensionPrefix(name) ? REGULAR : NONE;
        }
    }

    /**
     * Whether {@code name} is named like a function of a PHP extension ({@code pg_}, {@code sodium_}, {@code mb_},
     * {@code date_} ...): PHP's own naming scheme, so calls of the many functions not listed above still read as PHP.
     */
    private static boolean hasExtensionPrefix(String name) {
        int u = name.indexOf('_');
        if (u <= 0 || u > 9 || u == name.length() - 1) {
            return false; // no extension prefix is longer than nine characters
        }
        switch (name.substring(0, u)) {
            case "pg":
            case "sodium":
            case "tidy":
            case "zend":
            case "date":
            case "mysqli":
            case "curl":
            case "openssl":
            case "mb":
            case "iconv":
            case "libxml":
            case "ftp":
            case "stream":
            case "socket":
            case "ldap":
            case "imap":
            case "finfo":
            case "ob":
            case "ini":
            case "preg":
            case "mcrypt":
            case "apache":
            case "session":
            case "func":
            case "xmlrpc":
            case "sqlite":
            case "oci":
            case "odbc":
            case "dba":
            case "shmop":
            case "readline":
            case "highlight":
            case "php":
            case "zip":
            case "exif":
            case "gmp":
            case "bcmath":
            case "xml":
            case "simplexml":
            case "gzopen":
            case "array":
            case "str":
            case "spl":
            case "var":
            case "debug":
            case "error":
            case "ftok":
            case "msg":
            case "sem":
            case "shm":
            case "mysql":
            case "json":
            case "mt":
                return true;
            default:
                return false;
        }
    }

    /**
     * The kind of {@code name} or of its longest suffix (eight characters or more) that is a dangerous function, so
     * that {@code xgzinflate(} still reads as a call of {@code gzinflate}.
     */
    static int kindWithSuffix(String name) {
        int k = kind(name);
        if (k != NONE || name.length() <= 8) {
            return k;
        }
        switch (name.charAt(name.length() - 1)) {
            case 'c': // exec, func
            case 'n': // open, function
            case 'e': // decode, inflate, source, file, unserialize
            case 's': // uncompress, decompress, contents, vars, functions
            case 'u': // passthru
            case 't': // client
            case '3': // rot13
                break;
            default:
                return NONE; // no long dangerous name ends so
        }
        for (int j = 0; j < LONG_DANGEROUS.length; j++) {
            if (name.endsWith(LONG_DANGEROUS[j])) {
                return DANGEROUS;
            }
        }
        return NONE;
    }

    /** The dangerous names of eight characters or more, for the suffix check. */
    private static final String[] LONG_DANGEROUS = {
        "shell_exec",
        "proc_open",
        "pcntl_exec",
        "create_function",
        "call_user_func",
        "base64_decode",
        "gzinflate",
        "gzuncompress",
        "gzdecode",
        "bzdecompress",
        "zlib_decode",
        "str_rot13",
        "convert_uudecode",
        "passthru",
        "fsockopen",
        "file_put_contents",
        "file_get_contents",
        "show_source",
        "highlight_file",
        "move_uploaded_file",
        "unserialize",
        "get_defined_vars",
        "get_defined_functions",
        "stream_socket_client"
    };
}
