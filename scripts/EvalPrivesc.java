import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.posture.iam.ActionCatalog;
import dev.vigil.posture.iam.Conditions;
import dev.vigil.posture.iam.Permissions;
import dev.vigil.posture.iam.Principals;
import dev.vigil.posture.iam.Privesc;
import dev.vigil.posture.scan.FileResult;
import dev.vigil.posture.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures Vigil's privilege-escalation analysis on the iam-vulnerable scenarios in
 * ../shared/data/iam/policies/manifest.jsonl: every scenario's policies are attached to one principal (union, Deny
 * wins) and the verdict (privesc or not) is compared with the expected one. Run by scripts/eval-privesc.
 *
 * Arguments: IAM_DIR
 */
public class EvalPrivesc {
    public static void main(String[] args) throws Exception {
        Path iam = Path.of(args[0]);
        ObjectMapper json = new ObjectMapper();
        Scanner scanner = Scanner.defaults();
        ActionCatalog catalog = ActionCatalog.builtIn();
        Conditions conditions = Conditions.atNow();
        int right = 0, total = 0;
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(iam.resolve("policies/manifest.jsonl"))) {
            if (line.isBlank()) continue;
            JsonNode m = json.readTree(line);
            List<dev.vigil.posture.iam.Grant> grants = new ArrayList<>();
            for (JsonNode p : m.get("policies")) {
                FileResult r = scanner.scanFile(iam.resolve(p.asText()));
                if (r.deployment() == null) {
                    throw new IllegalStateException(p.asText() + ": " + r.error());
                }
                for (Principals.Principal pr : Principals.of(r.deployment())) {
                    grants.addAll(pr.grants());
                }
            }
            List<Privesc.Path> paths = Privesc.paths(new Permissions(grants, null, catalog, conditions));
            boolean expected = m.get("expected").asText().equals("privesc");
            boolean got = !paths.isEmpty();
            total++;
            if (expected == got) right++;
            lines.add(String.format("| %s | %s | %s | %s | %s |", m.get("scenario").asText(), m.get("kind").asText(),
                    expected ? "privesc" : "no", got ? "privesc" : "no",
                    got ? paths.get(0).method().id() + (paths.size() > 1 ? " (+" + (paths.size() - 1) + ")" : "") : ""));
        }
        System.out.printf("**Privilege-escalation scenarios right: %d/%d.**%n%n", right, total);
        System.out.println("| scenario | kind | expected | Vigil | first method found |");
        System.out.println("|---|---|---|---|---|");
        lines.forEach(System.out::println);
    }
}
