package dev.vigil.shield.hygiene;
import java.util.List;
public final class ResponseLeakScanner { private ResponseLeakScanner(){} public record LeakScan(List<String> kinds, String sanitized){ public boolean leaks(){return !kinds.isEmpty();} } public static LeakScan scan(String s){ return new LeakScan(List.of(), s); } }
