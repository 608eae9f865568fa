package dev.vigil.posture.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.check.Finding;
import dev.vigil.posture.scan.FileResult;
import dev.vigil.posture.scan.Scanner;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a documented secret property is given decides which secrets check (if any) reports it. */
class SecretPropertyProvenanceTest {

    static List<String> checks(String parameter, String value) {
        String text = "Parameters:\n"
                + "  Token:\n"
                + parameter
                + "Resources:\n"
                + "  Permission:\n"
                + "    Type: AWS::Lambda::Permission\n"
                + "    Properties:\n"
                + "      Action: lambda:InvokeFunction\n"
                + "      FunctionName: skill\n"
                + "      Principal: alexa-appkit.amazon.com\n"
                + (value == null ? "" : "      EventSourceToken: " + value + "\n");
        FileResult r = Scanner.defaults().scanText("t.yaml", text, null);
        return r.findings().stream()
                .map(Finding::checkId)
                .filter(id -> id.startsWith("VGL-SECRET"))
                .distinct()
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not set | '    Type: String\\n' | | ",
                "NoEcho parameter | '    Type: String\\n    NoEcho: true\\n' | !Ref Token | ",
                "NoEcho parameter with a Default | '    Type: String\\n    NoEcho: true\\n    Default: amzn1.ask.skill.1\\n'"
                        + " | !Ref Token | VGL-SECRET-003",
                "parameter with a Default | '    Type: String\\n    Default: amzn1.ask.skill.1\\n' | !Ref Token"
                        + " | VGL-SECRET-003",
                "parameter without NoEcho | '    Type: String\\n' | !Ref Token | VGL-SECRET-003",
                "literal | '    Type: String\\n' | amzn1.ask.skill.1 | VGL-SECRET-003",
                "Secrets Manager | '    Type: String\\n' | '''{{resolve:secretsmanager:skill:SecretString:token}}'''"
                        + " | ",
                "SSM SecureString | '    Type: String\\n' | '''{{resolve:ssm-secure:/skill/token:1}}''' | ",
                "plain SSM parameter | '    Type: String\\n' | '''{{resolve:ssm:/skill/token:1}}''' | VGL-SECRET-003",
                "resource attribute | '    Type: String\\n' | !GetAtt Secret.Token | ",
            })
    void provenanceDecides(String name, String parameter, String value, String expected) {
        List<String> found = checks(parameter.replace("\\n", "\n"), value);
        if (expected == null) {
            assertThat(found).as(name).isEmpty();
        } else {
            assertThat(found).as(name).containsExactly(expected);
        }
    }
}
