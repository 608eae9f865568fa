package dev.vigil.posture.extract.secrets;

import java.util.List;
import java.util.Map;

/**
 * The properties that CloudFormation resource types document as secrets (passwords, tokens, private keys), as paths
 * under {@code Properties}: dots between keys, {@code []} for each item of a list.
 */
final class SecretProperties {
    private SecretProperties() {}

    private static final List<String> APNS = List.of("PrivateKey", "TokenKey");

    static final Map<String, List<String>> BY_TYPE = Map.ofEntries(
            Map.entry(
                    "AWS::Alexa::ASK::Skill",
                    List.of("AuthenticationConfiguration.ClientSecret", "AuthenticationConfiguration.RefreshToken")),
            Map.entry("AWS::AmazonMQ::Broker", List.of("Users[].Password")),
            Map.entry("AWS::Amplify::App", List.of("AccessToken", "OauthToken", "BasicAuthConfig.Password")),
            Map.entry("AWS::Amplify::Branch", List.of("BasicAuthConfig.Password")),
            Map.entry("AWS::ApiGateway::ApiKey", List.of("Value")),
            Map.entry("AWS::AppStream::DirectoryConfig", List.of("ServiceAccountCredentials.AccountPassword")),
            Map.entry("AWS::CodeBuild::SourceCredential", List.of("Token")),
            Map.entry("AWS::CodePipeline::Webhook", List.of("AuthenticationConfiguration.SecretToken")),
            Map.entry("AWS::CodeStar::GitHubRepository", List.of("RepositoryAccessToken")),
            Map.entry("AWS::DataSync::LocationObjectStorage", List.of("SecretKey")),
            Map.entry("AWS::DataSync::LocationSMB", List.of("Password")),
            Map.entry("AWS::DirectoryService::MicrosoftAD", List.of("Password")),
            Map.entry("AWS::DirectoryService::SimpleAD", List.of("Password")),
            Map.entry("AWS::DMS::Endpoint", List.of("Password", "MongoDbSettings.Password")),
            Map.entry("AWS::DocDB::DBCluster", List.of("MasterUserPassword")),
            Map.entry("AWS::DocDBElastic::Cluster", List.of("AdminUserPassword")),
            Map.entry("AWS::ElastiCache::ReplicationGroup", List.of("AuthToken")),
            Map.entry("AWS::ElastiCache::User", List.of("Passwords[]")),
            Map.entry(
                    "AWS::Elasticsearch::Domain",
                    List.of("AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword")),
            Map.entry(
                    "AWS::EMR::Cluster",
                    List.of(
                            "KerberosAttributes.ADDomainJoinPassword",
                            "KerberosAttributes.CrossRealmTrustPrincipalPassword",
                            "KerberosAttributes.KdcAdminPassword")),
            Map.entry(
                    "AWS::Events::Connection",
                    List.of(
                            "AuthParameters.ApiKeyAuthParameters.ApiKeyValue",
                            "AuthParameters.BasicAuthParameters.Password",
                            "AuthParameters.OAuthParameters.ClientParameters.ClientSecret")),
            Map.entry(
                    "AWS::FSx::FileSystem",
                    List.of("WindowsConfiguration.SelfManagedActiveDirectoryConfiguration.Password")),
            Map.entry("AWS::Glue::Connection", List.of("ConnectionInput.ConnectionProperties.PASSWORD")),
            Map.entry("AWS::IAM::User", List.of("LoginProfile.Password")),
            Map.entry(
                    "AWS::KinesisFirehose::DeliveryStream",
                    List.of(
                            "RedshiftDestinationConfiguration.Password",
                            "SplunkDestinationConfiguration.HECToken",
                            "HttpEndpointDestinationConfiguration.EndpointConfiguration.AccessKey")),
            Map.entry("AWS::Lambda::Permission", List.of("EventSourceToken")),
            Map.entry("AWS::Lightsail::Database", List.of("MasterUserPassword")),
            Map.entry(
                    "AWS::ManagedBlockchain::Member",
                    List.of(
                            "MemberConfiguration.MemberFrameworkConfiguration.MemberFabricConfiguration.AdminPassword")),
            Map.entry("AWS::MemoryDB::User", List.of("AuthenticationMode.Passwords[]")),
            Map.entry(
                    "AWS::OpenSearchService::Domain",
                    List.of("AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword")),
            Map.entry("AWS::OpsWorks::App", List.of("AppSource.Password", "SslConfiguration.PrivateKey")),
            Map.entry("AWS::OpsWorks::Stack", List.of("CustomCookbooksSource.Password", "RdsDbInstances[].DbPassword")),
            Map.entry("AWS::Pinpoint::ADMChannel", List.of("ClientSecret")),
            Map.entry("AWS::Pinpoint::APNSChannel", APNS),
            Map.entry("AWS::Pinpoint::APNSSandboxChannel", APNS),
            Map.entry("AWS::Pinpoint::APNSVoipChannel", APNS),
            Map.entry("AWS::Pinpoint::APNSVoipSandboxChannel", APNS),
            Map.entry("AWS::Pinpoint::BaiduChannel", List.of("ApiKey", "SecretKey")),
            Map.entry("AWS::Pinpoint::GCMChannel", List.of("ApiKey")),
            Map.entry("AWS::RDS::DBCluster", List.of("MasterUserPassword")),
            Map.entry("AWS::RDS::DBInstance", List.of("MasterUserPassword")),
            Map.entry("AWS::Redshift::Cluster", List.of("MasterUserPassword")),
            Map.entry("AWS::RedshiftServerless::Namespace", List.of("AdminUserPassword")),
            Map.entry("AWS::SecretsManager::Secret", List.of("SecretString")));
}
