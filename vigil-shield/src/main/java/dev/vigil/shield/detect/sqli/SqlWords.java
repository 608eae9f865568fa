package dev.vigil.shield.detect.sqli;

/**
 * The SQL vocabulary the lexer classifies words with: keywords of the MySQL, PostgreSQL, MSSQL, Oracle and SQLite
 * dialects that matter for the shape of an injected fragment, and the built-in functions grouped by what an attacker
 * uses them for. Written as {@code switch} statements on string constants, so nothing is built at class load.
 */
final class SqlWords {

    private SqlWords() {}

    /**
     * For each first letter (a-z, then '_'), a bit per word length that some keyword or function name in this class
     * has: lets the lexer skip the lookup (and its string) for most words of prose. Generated from the switch cases
     * below; regenerate when adding a name.
     */
    private static final long[] LENGTHS = {
        0x00000000000082acL, // a
        0x00000000000006ecL, // b
        0x000000000003fbf8L, // c
        0x0000000000005ff8L, // d
        0x00000000000012f8L, // e
        0x0000000000020d78L, // f
        0x000000000005b8f0L, // g
        0x0000000000081248L, // h
        0x000000000005027cL, // i
        0x0000000000001e10L, // j
        0x0000000000000010L, // k
        0x00000000000067f8L, // l
        0x0000000000009568L, // m
        0x0000000000000478L, // n
        0x0000000000004eecL, // o
        0x00000000000857a4L, // p
        0x0000000000001220L, // q
        0x000000000001aff0L, // r
        0x00000000030e7ffcL, // s
        0x00000000000083fcL, // t
        0x00000000000007f8L, // u
        0x00000000000000d0L, // v
        0x00000000000002b0L, // w
        0x0000000000001cccL, // x
        0x0000000000000000L, // y
        0x0000000000000100L, // z
        0x0000000000000000L, // _
    };

    /** Whether some known word starts with lower-case {@code first} and has {@code length} chars. */
    static boolean mayBeKnown(char first, int length) {
        int i = first == '_' ? 26 : first - 'a';
        return i >= 0 && i < 27 && length < 64 && (LENGTHS[i] >>> length & 1L) != 0;
    }

    // keyword ids (0 = not a keyword)
    static final int NONE = 0;
    static final int AND = 1;
    static final int OR = 2;
    static final int XOR = 3;
    static final int NOT = 4;
    /** A word that compares: like, rlike, regexp, glob, is, in, between, sounds, similar, div, mod. */
    static final int CMPWORD = 5;
    /** A constant usable as a value: null, true, false, current_user, ... */
    static final int CONST = 6;

    static final int UNION = 7;
    static final int SELECT = 8;
    static final int FROM = 9;
    static final int WHERE = 10;
    static final int ORDER = 11;
    static final int GROUP = 12;
    static final int BY = 13;
    static final int HAVING = 14;
    static final int LIMIT = 15;
    static final int INTO = 16;
    static final int OUTFILE = 17;
    static final int PROCEDURE = 18;
    static final int ALL = 19;
    static final int DISTINCT = 20;
    static final int CASE = 21;
    static final int WHEN = 22;
    static final int THEN = 23;
    static final int ELSE = 24;
    static final int END = 25;
    static final int AS = 26;
    static final int TOP = 27;
    static final int WAITFOR = 28;
    static final int DELAY = 29;
    static final int EXEC = 30;
    static final int DECLARE = 31;
    static final int SHUTDOWN = 32;
    static final int DROP = 33;
    static final int INSERT = 34;
    static final int UPDATE = 35;
    static final int DELETE = 36;
    static final int CREATE = 37;
    static final int ALTER = 38;
    static final int TRUNCATE = 39;
    static final int SET = 40;
    static final int GRANT = 41;
    static final int VALUES = 42;
    static final int TABLE = 43;
    static final int OBJECT = 44;
    static final int IF = 45;
    static final int BEGIN = 46;
    static final int ASC = 47;
    static final int DUAL = 48;
    static final int JOIN = 49;
    static final int OFFSET = 50;
    static final int EXISTS = 51;
    static final int ANALYSE = 52;
    static final int TIME = 53;
    static final int ON = 54;
    static final int LOAD = 55;
    static final int CALL = 56;
    static final int COPY = 57;
    static final int WITH = 58;
    static final int USE = 59;
    static final int SHOW = 60;
    static final int PRINT = 61;
    static final int REPLACE = 62;
    static final int RENAME = 63;
    static final int KILL = 64;
    static final int DATA = 65;
    static final int LIKE = 66;
    static final int FOR = 67;
    static final int ESCAPE = 68;
    static final int COLLATE = 69;
    static final int ANY = 70;
    static final int PROGRAM = 71;
    static final int RETURNING = 73;
    /** A word that works as a unary operator (MySQL BINARY). */
    static final int UNARY = 74;

    static final int TO = 75;

    /** The keyword id of a lower-case word, or {@link #NONE}. */
    static int keyword(String w) {
        switch (w) {
            case "and":
                return AND;
            case "or":
                return OR;
            case "xor":
                return XOR;
            case "not":
                return NOT;
            case "like":
            case "ilike":
                return LIKE;
            case "rlike":
            case "regexp":
            case "glob":
            case "is":
            case "in":
            case "between":
            case "sounds":
            case "similar":
            case "div":
            case "mod":
            case "match":
            case "against":
                return CMPWORD;
            case "null":
            case "true":
            case "false":
            case "unknown":
            case "current_user":
            case "session_user":
            case "system_user":
            case "current_date":
            case "current_time":
            case "current_timestamp":
            case "localtime":
            case "localtimestamp":
            case "sysdate":
            case "systimestamp":
            case "rownum":
            case "rowid":
            case "uid":
            case "level":
            case "current_schema":
            case "current_database":
                return CONST;
            case "union":
            case "intersect":
            case "except":
            case "minus":
                return UNION;
            case "select":
                return SELECT;
            case "from":
                return FROM;
            case "where":
                return WHERE;
            case "order":
                return ORDER;
            case "group":
                return GROUP;
            case "by":
                return BY;
            case "having":
                return HAVING;
            case "limit":
            case "fetch":
                return LIMIT;
            case "offset":
                return OFFSET;
            case "into":
                return INTO;
            case "outfile":
            case "dumpfile":
                return OUTFILE;
            case "procedure":
                return PROCEDURE;
            case "analyse":
            case "analyze":
                return ANALYSE;
            case "all":
                return ALL;
            case "distinct":
            case "distinctrow":
                return DISTINCT;
            case "case":
                return CASE;
            case "when":
                return WHEN;
            case "then":
                return THEN;
            case "else":
            case "elsif":
                return ELSE;
            case "end":
                return END;
            case "as":
                return AS;
            case "top":
                return TOP;
            case "waitfor":
                return WAITFOR;
            case "delay":
                return DELAY;
            case "time":
                return TIME;
            case "exec":
            case "execute":
                return EXEC;
            case "declare":
                return DECLARE;
            case "shutdown":
                return SHUTDOWN;
            case "drop":
                return DROP;
            case "insert":
                return INSERT;
            case "update":
                return UPDATE;
            case "delete":
                return DELETE;
            case "create":
                return CREATE;
            case "alter":
                return ALTER;
            case "truncate":
                return TRUNCATE;
            case "set":
                return SET;
            case "grant":
            case "revoke":
                return GRANT;
            case "values":
                return VALUES;
            case "table":
            case "tables":
                return TABLE;
            case "database":
            case "schema":
            case "user":
            case "login":
            case "view":
            case "trigger":
            case "function":
            case "index":
            case "column":
            case "role":
            case "sequence":
            case "temporary":
            case "extension":
            case "language":
                return OBJECT;
            case "if":
            case "iif":
                return IF;
            case "begin":
                return BEGIN;
            case "asc":
            case "desc":
                return ASC;
            case "dual":
                return DUAL;
            case "join":
                return JOIN;
            case "exists":
                return EXISTS;
            case "on":
                return ON;
            case "load":
                return LOAD;
            case "call":
                return CALL;
            case "copy":
                return COPY;
            case "with":
                return WITH;
            case "use":
                return USE;
            case "show":
                return SHOW;
            case "print":
                return PRINT;
            case "replace":
                return REPLACE;
            case "rename":
                return RENAME;
            case "kill":
                return KILL;
            case "data":
                return DATA;
            case "for":
                return FOR;
            case "escape":
                return ESCAPE;
            case "collate":
                return COLLATE;
            case "any":
            case "some":
                return ANY;
            case "program":
                return PROGRAM;
            case "returning":
                return RETURNING;
            case "binary":
                return UNARY;
            case "to":
                return TO;
            default:
                return NONE;
        }
    }

    // function classes
    /** Not a known function. */
    static final int F_NONE = 0;
    /** A common built-in: string, number, conversion, conditional, aggregate, metadata. */
    static final int F_SQL = 1;
    /** Makes the server wait: the tool of time-based blind injection. */
    static final int F_TIME = 2;
    /** Used to leak data in an error message. */
    static final int F_ERROR = 3;
    /** Reads or writes files, runs commands or opens connections. */
    static final int F_SYSTEM = 4;
    /** Reports who and where the query runs: version, database, user. */
    static final int F_INFO = 5;

    /**
     * The class of a lower-case function name (the last part of a qualified name, e.g. {@code receive_message} of
     * {@code dbms_pipe.receive_message}), or {@link #F_NONE}.
     */
    static int function(String w) {
        switch (w) {
            case "sleep":
            case "benchmark":
            case "pg_sleep":
            case "pg_sleep_for":
            case "pg_sleep_until":
            case "receive_message":
            case "randomblob":
            case "zeroblob":
                return F_TIME;
            case "extractvalue":
            case "updatexml":
            case "xmltype":
            case "get_host_address":
            case "get_host_name":
            case "drithsx":
            case "sn":
            case "geometrycollection":
            case "multipoint":
            case "multilinestring":
            case "multipolygon":
            case "linestring":
            case "polygon":
            case "gtid_subset":
            case "gtid_subtract":
            case "name_const":
            case "json_keys":
            case "st_latfromgeohash":
            case "st_longfromgeohash":
            case "st_pointfromgeohash":
            case "getmappingxpath":
            case "ord_dicom":
            case "dbms_xmlgen":
            case "getxml":
            case "xmlagg":
            case "query_to_xml":
            case "xp_regread":
                return F_ERROR;
            case "version":
            case "database":
            case "schema":
            case "user":
            case "current_user":
            case "system_user":
            case "session_user":
            case "db_name":
            case "host_name":
            case "user_name":
            case "suser_name":
            case "suser_sname":
            case "sqlite_version":
            case "current_database":
            case "connection_id":
                return F_INFO;
            case "load_file":
            case "xp_cmdshell":
            case "xp_dirtree":
            case "xp_fileexist":
            case "xp_subdirs":
            case "sp_oacreate":
            case "sp_oamethod":
            case "sp_executesql":
            case "sp_configure":
            case "sp_addlogin":
            case "sp_addsrvrolemember":
            case "sp_password":
            case "sp_makewebtask":
            case "openrowset":
            case "opendatasource":
            case "openquery":
            case "lo_import":
            case "lo_export":
            case "lo_get":
            case "lo_from_bytea":
            case "pg_read_file":
            case "pg_read_binary_file":
            case "pg_ls_dir":
            case "pg_stat_file":
            case "dblink":
            case "dblink_connect":
            case "load_extension":
            case "readfile":
            case "writefile":
            case "sys_eval":
            case "sys_exec":
            case "utl_http":
            case "request":
            case "utl_file":
            case "fopen":
            case "run_command_line":
                return F_SYSTEM;
            case "object_name":
            case "object_id":
            case "is_srvrolemember":
            case "has_dbaccess":
            case "fn_varbintohexstr":
            case "current_setting":
            case "sys_context":
            case "last_insert_id":
            case "row_count":
            case "found_rows":
            case "char":
            case "chr":
            case "nchar":
            case "concat":
            case "concat_ws":
            case "group_concat":
            case "string_agg":
            case "listagg":
            case "array_agg":
            case "ascii":
            case "unicode":
            case "ord":
            case "substring":
            case "substr":
            case "mid":
            case "left":
            case "right":
            case "length":
            case "len":
            case "char_length":
            case "hex":
            case "unhex":
            case "md5":
            case "sha1":
            case "sha2":
            case "if":
            case "iif":
            case "ifnull":
            case "isnull":
            case "nullif":
            case "nvl":
            case "coalesce":
            case "decode":
            case "encode":
            case "count":
            case "sum":
            case "min":
            case "max":
            case "elt":
            case "make_set":
            case "field":
            case "instr":
            case "locate":
            case "position":
            case "strpos":
            case "charindex":
            case "rand":
            case "random":
            case "floor":
            case "exp":
            case "lpad":
            case "rpad":
            case "reverse":
            case "replace":
            case "lower":
            case "upper":
            case "conv":
            case "bin":
            case "cast":
            case "convert":
            case "to_char":
            case "to_number":
            case "typeof":
            case "json_extract":
            case "json_depth":
            case "json_object":
            case "generate_series":
            case "exists":
            case "pi":
            case "now":
            case "getdate":
            case "rtrim":
            case "ltrim":
            case "trim":
            case "quote":
            case "bit_length":
            case "format":
            case "to_timestamp_tz":
            case "regexp_substring":
            case "regexp_like":
            case "utl_inaddr":
            case "oct":
            case "abs":
            case "likely":
            case "unlikely":
            case "likelihood":
            case "json_valid":
            case "json_type":
            case "sqlite_compileoption_get":
            case "sqlite_compileoption_used":
            case "starts_with":
            case "find_in_set":
            case "soundex":
            case "difference":
            case "uncompress":
            case "compress":
            case "from_base64":
            case "to_base64":
            case "crypt_key":
            case "regexp_substr":
            case "repeat":
            case "space":
            case "datalength":
            case "stuff":
            case "quotename":
            case "xmlelement":
            case "extract":
            case "pg_typeof":
            case "array_to_string":
            case "has_table_privilege":
            case "unistr":
            case "jsonb_pretty":
            case "strcmp":
            case "pow":
            case "sin":
            case "cos":
                return F_SQL;
            default:
                return F_NONE;
        }
    }
}
