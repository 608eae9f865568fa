package dev.vigil.shield.aws.events;
import java.util.List; import java.util.Map;
public final class EventAdapters { private EventAdapters(){} public static final List<EventAdapter> ALL = List.of();
 public static EventAdapter forEvent(Map<String,Object> e){ return new EventAdapter(){ public dev.vigil.core.telemetry.Trigger trigger(){return dev.vigil.core.telemetry.Trigger.UNKNOWN;} public boolean matches(Map<String,Object> m){return true;} public void extract(Map<String,Object> m, dev.vigil.shield.inspect.InputSink s){ for (var en: m.entrySet()) if (en.getValue() instanceof String v) s.accept(en.getKey(), v, dev.vigil.shield.inspect.Source.OTHER, -1);} }; } }
