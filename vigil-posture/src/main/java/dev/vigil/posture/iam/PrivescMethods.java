package dev.vigil.posture.iam;

import java.util.List;

/**
 * Known AWS privilege-escalation methods: sets of actions that, granted together, let a principal gain permissions it
 * was not given. Compiled for Vigil from the public research (Rhino Security Labs' original 21 methods, pathfinding.cloud
 * paths, and the methods other scanners check); each method lists only the actions it cannot do without.
 *
 * <p>{@code sts:AssumeRole} alone is not listed: assuming a role is what roles are for, and whether the target is
 * more privileged cannot be known from one template.
 */
public final class PrivescMethods {
    private PrivescMethods() {}

    /** How a method escalates. */
    public enum Category {
        /** Changes the principal's own policies or group membership. */
        SELF_ESCALATION("self-escalation"),
        /** Gets credentials of, or the right to become, another principal. */
        PRINCIPAL_ACCESS("principal-access"),
        /** Passes an existing role to a new compute resource and runs code as that role. */
        NEW_PASSROLE("new-passrole"),
        /** Runs code in, or takes over, an existing resource that already has a role. */
        EXISTING_PASSROLE("existing-passrole");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One method.
     *
     * @param id a short name
     * @param category how it escalates
     * @param actions every action it needs
     */
    public record Method(String id, Category category, List<String> actions) {}

    private static Method m(String id, Category c, String... actions) {
        return new Method(id, c, List.of(actions));
    }

    private static final String PASS = "iam:PassRole";

    /** Every method, most direct first. */
    public static final List<Method> ALL = List.of(
            // Own policies and group membership.
            m("CreatePolicyVersion", Category.SELF_ESCALATION, "iam:CreatePolicyVersion"),
            m("SetDefaultPolicyVersion", Category.SELF_ESCALATION, "iam:SetDefaultPolicyVersion"),
            m("AttachUserPolicy", Category.SELF_ESCALATION, "iam:AttachUserPolicy"),
            m("AttachGroupPolicy", Category.SELF_ESCALATION, "iam:AttachGroupPolicy"),
            m("AttachRolePolicy", Category.SELF_ESCALATION, "iam:AttachRolePolicy"),
            m("PutUserPolicy", Category.SELF_ESCALATION, "iam:PutUserPolicy"),
            m("PutGroupPolicy", Category.SELF_ESCALATION, "iam:PutGroupPolicy"),
            m("PutRolePolicy", Category.SELF_ESCALATION, "iam:PutRolePolicy"),
            m("AddUserToGroup", Category.SELF_ESCALATION, "iam:AddUserToGroup"),
            m("DeleteUserPermissionsBoundary", Category.SELF_ESCALATION, "iam:DeleteUserPermissionsBoundary"),
            m("DeleteRolePermissionsBoundary", Category.SELF_ESCALATION, "iam:DeleteRolePermissionsBoundary"),
            m("PutUserPermissionsBoundary", Category.SELF_ESCALATION, "iam:PutUserPermissionsBoundary"),
            m("PutRolePermissionsBoundary", Category.SELF_ESCALATION, "iam:PutRolePermissionsBoundary"),
            // Other principals' credentials or trust.
            m("CreateAccessKey", Category.PRINCIPAL_ACCESS, "iam:CreateAccessKey"),
            m("CreateLoginProfile", Category.PRINCIPAL_ACCESS, "iam:CreateLoginProfile"),
            m("UpdateLoginProfile", Category.PRINCIPAL_ACCESS, "iam:UpdateLoginProfile"),
            m("UpdateAssumeRolePolicy", Category.PRINCIPAL_ACCESS, "iam:UpdateAssumeRolePolicy"),
            m("SsoPutInlinePolicyToPermissionSet", Category.PRINCIPAL_ACCESS, "sso:PutInlinePolicyToPermissionSet"),
            m(
                    "SsoAttachManagedPolicyToPermissionSet",
                    Category.PRINCIPAL_ACCESS,
                    "sso:AttachManagedPolicyToPermissionSet"),
            // A role passed to new compute.
            m(
                    "PassRoleToNewLambdaThenInvoke",
                    Category.NEW_PASSROLE,
                    PASS,
                    "lambda:CreateFunction",
                    "lambda:InvokeFunction"),
            m(
                    "PassRoleToNewLambdaThenAddPermission",
                    Category.NEW_PASSROLE,
                    PASS,
                    "lambda:CreateFunction",
                    "lambda:AddPermission"),
            m(
                    "PassRoleToNewLambdaThenEventSourceMapping",
                    Category.NEW_PASSROLE,
                    PASS,
                    "lambda:CreateFunction",
                    "lambda:CreateEventSourceMapping"),
            m("PassRoleToNewEc2Instance", Category.NEW_PASSROLE, PASS, "ec2:RunInstances"),
            m("PassRoleToNewEc2SpotInstance", Category.NEW_PASSROLE, PASS, "ec2:RequestSpotInstances"),
            m("PassRoleToNewGlueDevEndpoint", Category.NEW_PASSROLE, PASS, "glue:CreateDevEndpoint"),
            m("PassRoleToNewGlueJobThenRun", Category.NEW_PASSROLE, PASS, "glue:CreateJob", "glue:StartJobRun"),
            m("PassRoleToNewGlueJobViaTrigger", Category.NEW_PASSROLE, PASS, "glue:CreateJob", "glue:CreateTrigger"),
            m("PassRoleToUpdatedGlueJobThenRun", Category.NEW_PASSROLE, PASS, "glue:UpdateJob", "glue:StartJobRun"),
            m(
                    "PassRoleToUpdatedGlueJobViaTrigger",
                    Category.NEW_PASSROLE,
                    PASS,
                    "glue:UpdateJob",
                    "glue:CreateTrigger"),
            m("PassRoleToNewGlueSession", Category.NEW_PASSROLE, PASS, "glue:CreateSession", "glue:RunStatement"),
            m("PassRoleToNewCloudFormationStack", Category.NEW_PASSROLE, PASS, "cloudformation:CreateStack"),
            m(
                    "PassRoleToNewCloudFormationStackSet",
                    Category.NEW_PASSROLE,
                    PASS,
                    "cloudformation:CreateStackSet",
                    "cloudformation:CreateStackInstances"),
            m("PassRoleToUpdatedCloudFormationStackSet", Category.NEW_PASSROLE, PASS, "cloudformation:UpdateStackSet"),
            m(
                    "CloudFormationChangeSetOnExistingStack",
                    Category.EXISTING_PASSROLE,
                    "cloudformation:CreateChangeSet",
                    "cloudformation:ExecuteChangeSet"),
            m(
                    "PassRoleToNewDataPipeline",
                    Category.NEW_PASSROLE,
                    PASS,
                    "datapipeline:CreatePipeline",
                    "datapipeline:PutPipelineDefinition"),
            m(
                    "PassRoleToNewCodeBuildProject",
                    Category.NEW_PASSROLE,
                    PASS,
                    "codebuild:CreateProject",
                    "codebuild:StartBuild"),
            m(
                    "PassRoleToNewCodeBuildProjectBatch",
                    Category.NEW_PASSROLE,
                    PASS,
                    "codebuild:CreateProject",
                    "codebuild:StartBuildBatch"),
            m("PassRoleToNewSageMakerNotebook", Category.NEW_PASSROLE, PASS, "sagemaker:CreateNotebookInstance"),
            m("PassRoleToNewSageMakerTrainingJob", Category.NEW_PASSROLE, PASS, "sagemaker:CreateTrainingJob"),
            m("PassRoleToNewSageMakerProcessingJob", Category.NEW_PASSROLE, PASS, "sagemaker:CreateProcessingJob"),
            m("PassRoleToNewEcsTaskRun", Category.NEW_PASSROLE, PASS, "ecs:RegisterTaskDefinition", "ecs:RunTask"),
            m("PassRoleToNewEcsTaskStart", Category.NEW_PASSROLE, PASS, "ecs:RegisterTaskDefinition", "ecs:StartTask"),
            m(
                    "PassRoleToNewEcsService",
                    Category.NEW_PASSROLE,
                    PASS,
                    "ecs:RegisterTaskDefinition",
                    "ecs:CreateService"),
            m("PassRoleToNewAppRunnerService", Category.NEW_PASSROLE, PASS, "apprunner:CreateService"),
            m(
                    "PassRoleToNewStateMachine",
                    Category.NEW_PASSROLE,
                    PASS,
                    "states:CreateStateMachine",
                    "states:StartExecution"),
            m("PassRoleToNewSchedule", Category.NEW_PASSROLE, PASS, "scheduler:CreateSchedule"),
            m(
                    "PassRoleToNewAutoScalingGroup",
                    Category.NEW_PASSROLE,
                    PASS,
                    "autoscaling:CreateLaunchConfiguration",
                    "autoscaling:CreateAutoScalingGroup"),
            m(
                    "PassRoleToUpdatedAutoScalingGroup",
                    Category.NEW_PASSROLE,
                    PASS,
                    "autoscaling:CreateLaunchConfiguration",
                    "autoscaling:UpdateAutoScalingGroup"),
            m("PassRoleToNewBatchJob", Category.NEW_PASSROLE, PASS, "batch:RegisterJobDefinition", "batch:SubmitJob"),
            m("PassRoleToNewEmrCluster", Category.NEW_PASSROLE, PASS, "elasticmapreduce:RunJobFlow"),
            m(
                    "PassRoleToNewEmrServerlessJob",
                    Category.NEW_PASSROLE,
                    PASS,
                    "emr-serverless:CreateApplication",
                    "emr-serverless:StartJobRun"),
            m("PassRoleToIdentityPool", Category.NEW_PASSROLE, PASS, "cognito-identity:SetIdentityPoolRoles"),
            m(
                    "PassRoleToNewSsmAutomation",
                    Category.NEW_PASSROLE,
                    PASS,
                    "ssm:CreateDocument",
                    "ssm:StartAutomationExecution"),
            m(
                    "PassRoleToNewKinesisAnalyticsApp",
                    Category.NEW_PASSROLE,
                    PASS,
                    "kinesisanalytics:CreateApplication",
                    "kinesisanalytics:StartApplication"),
            m(
                    "PassRoleToNewCodeInterpreter",
                    Category.NEW_PASSROLE,
                    PASS,
                    "bedrock-agentcore:CreateCodeInterpreter",
                    "bedrock-agentcore:StartCodeInterpreterSession",
                    "bedrock-agentcore:InvokeCodeInterpreter"),
            m("PassRoleToNewCodeStarProject", Category.NEW_PASSROLE, PASS, "codestar:CreateProject"),
            // Existing resources that already run with a role.
            m("UpdateExistingLambdaCode", Category.EXISTING_PASSROLE, "lambda:UpdateFunctionCode"),
            m("UpdateExistingLambdaConfiguration", Category.EXISTING_PASSROLE, "lambda:UpdateFunctionConfiguration"),
            m("UpdateExistingGlueDevEndpoint", Category.EXISTING_PASSROLE, "glue:UpdateDevEndpoint"),
            m("UpdateExistingCloudFormationStack", Category.EXISTING_PASSROLE, "cloudformation:UpdateStack"),
            m("StartExistingCodeBuildProject", Category.EXISTING_PASSROLE, "codebuild:StartBuild"),
            m("StartExistingCodeBuildProjectBatch", Category.EXISTING_PASSROLE, "codebuild:StartBuildBatch"),
            m(
                    "ModifyEc2UserDataThenRestart",
                    Category.EXISTING_PASSROLE,
                    "ec2:ModifyInstanceAttribute",
                    "ec2:StopInstances",
                    "ec2:StartInstances"),
            m(
                    "ModifyEc2LaunchTemplate",
                    Category.EXISTING_PASSROLE,
                    "ec2:CreateLaunchTemplateVersion",
                    "ec2:ModifyLaunchTemplate"),
            m("Ec2InstanceConnect", Category.EXISTING_PASSROLE, "ec2-instance-connect:SendSSHPublicKey"),
            m("SsmSendCommand", Category.EXISTING_PASSROLE, "ssm:SendCommand"),
            m("SsmStartSession", Category.EXISTING_PASSROLE, "ssm:StartSession"),
            m("SageMakerNotebookUrl", Category.EXISTING_PASSROLE, "sagemaker:CreatePresignedNotebookInstanceUrl"),
            m(
                    "SageMakerNotebookLifecycleConfig",
                    Category.EXISTING_PASSROLE,
                    "sagemaker:CreateNotebookInstanceLifecycleConfig",
                    "sagemaker:StopNotebookInstance",
                    "sagemaker:UpdateNotebookInstance",
                    "sagemaker:StartNotebookInstance"),
            m("EcsExecuteCommand", Category.EXISTING_PASSROLE, "ecs:ExecuteCommand"),
            m("AppRunnerUpdateService", Category.EXISTING_PASSROLE, "apprunner:UpdateService"),
            m(
                    "UpdateStateMachineThenStart",
                    Category.EXISTING_PASSROLE,
                    "states:UpdateStateMachine",
                    "states:StartExecution"),
            m(
                    "ExistingCodeInterpreterSession",
                    Category.EXISTING_PASSROLE,
                    "bedrock-agentcore:StartCodeInterpreterSession",
                    "bedrock-agentcore:InvokeCodeInterpreter"),
            m("CodeStarProjectFromTemplate", Category.EXISTING_PASSROLE, "codestar:CreateProjectFromTemplate"));
}
