package dev.vigil.shield.detect.deserialization;

import dev.vigil.shield.detect.AsciiText;

/**
 * Judges a dotted class or package name ({@code java.lang.Runtime}, {@code com.sun.rowset.JdbcRowSetImpl},
 * {@code System.Windows.Data.ObjectDataProvider}) the way a deserialization or expression payload uses it.
 *
 * <ul>
 *   <li>{@link #GADGET}: a class that gadget chains are built from or that runs processes: the commons-collections
 *       functors ({@code InvokerTransformer}, {@code ChainedTransformer}, {@code ForClosure}...), JDK sinks
 *       ({@code TemplatesImpl}, {@code JdbcRowSetImpl}, {@code AnnotationInvocationHandler}, {@code XMLDecoder},
 *       {@code URLClassLoader}, {@code ScriptEngineManager}), c3p0, Spring, Groovy and .NET gadgets, and
 *       {@code Runtime}/{@code ProcessBuilder} under a {@code java} root;
 *   <li>{@link #PACKAGE}: a class in a package such payloads reach into ({@code java.lang}, {@code java.io},
 *       {@code java.net}, {@code java.rmi}, {@code java.beans}, {@code javax.script}, {@code javax.naming},
 *       {@code com.sun}, {@code sun}, {@code org.apache.commons}, {@code org.omg}, {@code com.opensymphony}...).
 *       Exception and error classes are left out: they are what stack traces name.
 * </ul>
 */
final class ClassNames {

    static final int NONE = 0;
    static final int PACKAGE = 1;
    static final int GADGET = 2;

    private ClassNames() {}

    /** Whether a dotted name starting at {@code from} is worth judging; cheap, allocation-free. */
    static boolean worthJudging(String s, int from, int dots, int longestSegment) {
        if (dots == 0) {
            return false;
        }
        return longestSegment >= MIN_GADGET_LENGTH || hasRoot(s, from);
    }

    /** The shortest gadget or sink segment name judged on its own. */
    static final int MIN_GADGET_LENGTH = 7;

    private static boolean hasRoot(String s, int from) {
        switch (AsciiText.lower(s.charAt(from))) {
            case 'j':
                return AsciiText.regionMatchesLower(s, from, "java.")
                        || AsciiText.regionMatchesLower(s, from, "javax.")
                        || AsciiText.regionMatchesLower(s, from, "jdk.");
            case 'o':
                return AsciiText.regionMatchesLower(s, from, "org.") || AsciiText.regionMatchesLower(s, from, "ognl.");
            case 'c':
                return AsciiText.regionMatchesLower(s, from, "com.")
                        || AsciiText.regionMatchesLower(s, from, "class.")
                        || AsciiText.regionMatchesLower(s, from, "clojure.");
            case 's':
                return AsciiText.regionMatchesLower(s, from, "sun.")
                        || AsciiText.regionMatchesLower(s, from, "system.");
            case 'b':
                return AsciiText.regionMatchesLower(s, from, "bsh.");
            default:
                return false;
        }
    }

    /** The verdict for the dotted name {@code s[from, to)}. */
    static int judge(String s, int from, int to) {
        if (from >= to || to > s.length()) {
            return NONE;
        }
        if (!hasRoot(s, from)) {
            // no package root: a gadget segment, or a process class together with a sink method, makes it a finding
            int start = from;
            boolean process = false;
            for (int i = from; i <= to; i++) {
                if (i == to || s.charAt(i) == '.' || s.charAt(i) == '$') {
                    int len = i - start;
                    if (len >= MIN_GADGET_LENGTH && len <= 48) {
                        String segment = AsciiText.lower(s.substring(start, i));
                        if (isGadget(segment)) {
                            return GADGET;
                        }
                        process |= isProcessClass(segment);
                    }
                    start = i + 1;
                }
            }
            if (!process) {
                return NONE;
            }
            start = from;
            for (int i = from; i <= to; i++) {
                if (i == to || s.charAt(i) == '.' || s.charAt(i) == '$') {
                    if (i - start >= 4 && i - start <= 16 && isSinkMethod(AsciiText.lower(s.substring(start, i)))) {
                        return GADGET;
                    }
                    start = i + 1;
                }
            }
            return NONE;
        }
        String name = AsciiText.lower(s.substring(from, to));
        int segments = 1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '.') {
                segments++;
            }
        }
        int dot = name.indexOf('.');
        String root = dot < 0 ? name : name.substring(0, dot);
        boolean javaRoot = root.equals("java") || root.equals("javax");
        boolean dotnetRoot = root.equals("system");
        int start = 0;
        String last = "";
        while (start <= name.length()) {
            int end = name.indexOf('.', start);
            if (end < 0) {
                end = name.length();
            }
            String segment = name.substring(start, end);
            int inner = segment.indexOf('$');
            if (inner > 0) {
                segment = segment.substring(0, inner);
            }
            if (isGadget(segment)) {
                return GADGET;
            }
            switch (segment) {
                case "runtime":
                case "processbuilder":
                case "processimpl":
                case "unixprocess":
                    if (javaRoot) {
                        return GADGET;
                    }
                    break;
                case "classloader":
                    if (root.equals("class")) {
                        return GADGET; // class.module.classLoader...: property binding into the class loader
                    }
                    break;
                case "process":
                case "processstartinfo":
                case "xamlreader":
                case "objectdataprovider":
                case "windowsidentity":
                case "psobject":
                case "assemblyinstaller":
                    if (dotnetRoot) {
                        return GADGET;
                    }
                    break;
                default:
                    break;
            }
            last = segment;
            start = end + 1;
        }
        if (segments < 3 || last.endsWith("exception") || last.endsWith("error")) {
            return NONE;
        }
        return inSensitivePackage(name) ? PACKAGE : NONE;
    }

    private static boolean isProcessClass(String segment) {
        return segment.equals("runtime") || segment.equals("processbuilder") || segment.equals("getruntime");
    }

    /** Methods and classes that, reached from a process class, read files or properties or run code. */
    private static boolean isSinkMethod(String segment) {
        switch (segment) {
            case "exec":
            case "start":
            case "getproperty":
            case "filewriter":
            case "xmldecoder":
            case "invoke":
            case "forname":
            case "newinstance":
            case "getmethod":
            case "command":
                return true;
            default:
                return false;
        }
    }

    private static boolean isGadget(String segment) {
        switch (segment) {
            // Apache commons-collections functors and maps
            case "invokertransformer":
            case "instantiatetransformer":
            case "chainedtransformer":
            case "constanttransformer":
            case "clonetransformer":
            case "instantiatefactory":
            case "prototypeclonefactory":
            case "prototypeserializationfactory":
            case "forclosure":
            case "whileclosure":
            case "lazymap":
            case "transformedmap":
            case "transformingcomparator":
            // JDK and Xalan sinks
            case "templatesimpl":
            case "jdbcrowsetimpl":
            case "annotationinvocationhandler":
            case "badattributevalueexpexception":
            case "xmldecoder":
            case "urlclassloader":
            case "scriptenginemanager":
            case "getruntime":
            case "eventhandler":
            // commons-beanutils, Spring, c3p0, Groovy, Rhino, BeanShell, ROME, Hibernate, Vaadin
            case "beancomparator":
            case "objectfactorydelegatinginvocationhandler":
            case "methodinvokingfactorybean":
            case "jtatransactionmanager":
            case "poolbackeddatasource":
            case "wrapperconnectionpooldatasource":
            case "combopooleddatasource":
            case "methodclosure":
            case "convertedclosure":
            case "nativejavaobject":
            case "equalsbean":
            case "tostringbean":
            case "basicpropertyaccessor":
            case "propertysetitem":
            // .NET gadgets
            case "objectdataprovider":
            case "typeconfusedelegate":
            case "textformattingrunproperties":
            case "activitysurrogateselector":
            case "windowsclaimsidentity":
            case "sessionsecuritytoken":
            // the tool itself
            case "ysoserial":
                return true;
            default:
                return false;
        }
    }

    private static boolean inSensitivePackage(String name) {
        return name.startsWith("java.lang.")
                || name.startsWith("java.io.")
                || name.startsWith("java.net.")
                || name.startsWith("java.nio.file.")
                || name.startsWith("java.rmi.")
                || name.startsWith("java.beans.")
                || name.startsWith("javax.script.")
                || name.startsWith("javax.naming.")
                || name.startsWith("javax.management.")
                || name.startsWith("javax.el.")
                || name.startsWith("javax.xml.transform.")
                || name.startsWith("javax.sql.")
                || name.startsWith("com.sun.")
                || name.startsWith("sun.")
                || name.startsWith("jdk.")
                || name.equals("org.apache.commons")
                || name.startsWith("org.apache.commons.")
                || name.startsWith("org.apache.struts")
                || name.startsWith("org.apache.xalan.")
                || name.startsWith("org.apache.xbean.")
                || name.startsWith("org.apache.bcel.")
                || name.startsWith("org.apache.catalina.")
                || name.startsWith("org.apache.naming.")
                || name.startsWith("org.apache.myfaces.")
                || name.startsWith("org.omg.")
                || name.startsWith("org.springframework.")
                || name.startsWith("org.codehaus.groovy.")
                || name.startsWith("org.hibernate.")
                || name.startsWith("org.mozilla.javascript.")
                || name.startsWith("org.python.")
                || name.startsWith("org.jboss.")
                || name.startsWith("com.opensymphony.")
                || name.startsWith("com.mchange.")
                || name.startsWith("ognl.")
                || name.startsWith("bsh.")
                || name.startsWith("clojure.")
                || name.startsWith("freemarker.template.utility.");
    }
}
