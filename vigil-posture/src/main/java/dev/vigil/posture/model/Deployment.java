package dev.vigil.posture.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one deployment descriptor declares, in one model whatever the format. Checks read only this.
 *
 * <p>Built by the extractors through {@link Builder}; immutable once built.
 */
public final class Deployment {
    private final String file;
    private final Format format;
    private final List<Function> functions;
    private final List<Trigger> triggers;
    private final List<Api> apis;
    private final List<HttpRoute> routes;
    private final List<LambdaPermission> permissions;
    private final List<Role> roles;
    private final List<ManagedPolicy> managedPolicies;
    private final List<IamIdentity> identities;
    private final List<ResourcePolicy> resourcePolicies;
    private final List<DataResource> dataResources;
    private final List<SecretCandidate> secretCandidates;

    private Deployment(Builder b) {
        this.file = b.file;
        this.format = b.format;
        this.functions = List.copyOf(b.functions);
        this.triggers = List.copyOf(b.triggers);
        this.apis = List.copyOf(b.apis);
        this.routes = List.copyOf(b.routes);
        this.permissions = List.copyOf(b.permissions);
        this.roles = List.copyOf(b.roles);
        this.managedPolicies = List.copyOf(b.managedPolicies);
        this.identities = List.copyOf(b.identities);
        this.resourcePolicies = List.copyOf(b.resourcePolicies);
        this.dataResources = List.copyOf(b.dataResources);
        this.secretCandidates = List.copyOf(b.secretCandidates);
    }

    /** A builder for the deployment read from {@code file}. */
    public static Builder builder(String file, Format format) {
        return new Builder(file, format);
    }

    public String file() {
        return file;
    }

    public Format format() {
        return format;
    }

    public List<Function> functions() {
        return functions;
    }

    public List<Trigger> triggers() {
        return triggers;
    }

    public List<Api> apis() {
        return apis;
    }

    public List<HttpRoute> routes() {
        return routes;
    }

    public List<LambdaPermission> permissions() {
        return permissions;
    }

    public List<Role> roles() {
        return roles;
    }

    public List<ManagedPolicy> managedPolicies() {
        return managedPolicies;
    }

    public List<IamIdentity> identities() {
        return identities;
    }

    public List<ResourcePolicy> resourcePolicies() {
        return resourcePolicies;
    }

    public List<DataResource> dataResources() {
        return dataResources;
    }

    /** Template values that may hold secrets (outside function environments). */
    public List<SecretCandidate> secretCandidates() {
        return secretCandidates;
    }

    /** The function with this id. */
    public Optional<Function> function(String id) {
        return functions.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The role with this id. */
    public Optional<Role> role(String id) {
        return roles.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The triggers of one function. */
    public List<Trigger> triggersOf(String functionId) {
        return triggers.stream().filter(t -> functionId.equals(t.functionId())).toList();
    }

    /** Collects model elements while extractors run. */
    public static final class Builder {
        private final String file;
        private final Format format;
        private final List<Function> functions = new ArrayList<>();
        private final List<Trigger> triggers = new ArrayList<>();
        private final List<Api> apis = new ArrayList<>();
        private final List<HttpRoute> routes = new ArrayList<>();
        private final List<LambdaPermission> permissions = new ArrayList<>();
        private final List<Role> roles = new ArrayList<>();
        private final List<ManagedPolicy> managedPolicies = new ArrayList<>();
        private final List<IamIdentity> identities = new ArrayList<>();
        private final List<ResourcePolicy> resourcePolicies = new ArrayList<>();
        private final List<DataResource> dataResources = new ArrayList<>();
        private final List<SecretCandidate> secretCandidates = new ArrayList<>();

        private Builder(String file, Format format) {
            this.file = file;
            this.format = format;
        }

        public String file() {
            return file;
        }

        public Format format() {
            return format;
        }

        public Builder add(Function f) {
            functions.add(f);
            return this;
        }

        public Builder add(Trigger t) {
            triggers.add(t);
            return this;
        }

        public Builder add(Api a) {
            apis.add(a);
            return this;
        }

        public Builder add(HttpRoute r) {
            routes.add(r);
            return this;
        }

        public Builder add(LambdaPermission p) {
            permissions.add(p);
            return this;
        }

        public Builder add(Role r) {
            roles.add(r);
            return this;
        }

        public Builder add(ManagedPolicy p) {
            managedPolicies.add(p);
            return this;
        }

        public Builder add(IamIdentity i) {
            identities.add(i);
            return this;
        }

        public Builder add(ResourcePolicy p) {
            resourcePolicies.add(p);
            return this;
        }

        public Builder add(DataResource d) {
            dataResources.add(d);
            return this;
        }

        public Builder add(SecretCandidate c) {
            secretCandidates.add(c);
            return this;
        }

        /** Functions added so far (extractors that link to functions run after the function extractor). */
        public List<Function> functions() {
            return List.copyOf(functions);
        }

        /** Roles added so far. */
        public List<Role> roles() {
            return List.copyOf(roles);
        }

        public Deployment build() {
            return new Deployment(this);
        }
    }
}
