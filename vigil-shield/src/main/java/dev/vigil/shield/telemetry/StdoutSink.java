package dev.vigil.shield.telemetry;
import dev.vigil.core.telemetry.*; import java.io.PrintStream;
public final class StdoutSink implements TelemetrySink { private final PrintStream out; private final TelemetryJson json = new TelemetryJson("Vigil Shield"); public StdoutSink(PrintStream out){this.out=out;} public StdoutSink(){this(System.out);} 
 public void emit(TelemetryEvent e){ out.println(json.toJson(e)); } public void flush(long d){ out.flush(); } public long dropped(){return 0;} public void close(){} }
