namespace Chaoskit;

// The platform team's fault injection kit. Policies are code reviewed and shipped with each service;
// a policy targets one tenant, one region or one person by its key. What prints what:
// - ChaosPolicy is a positional record: it prints its id, fault, rate, scope, target key and delay.
// - InjectedFaultException's message quotes the policy id, the fault, the scope and the target key.

public enum ChaosScope
{
    Tenant,
    Region,
    Person,
}

public enum FaultKind
{
    Latency,
    Error,
    Drop,
}

public sealed record ChaosPolicy(string PolicyId, FaultKind Fault, double Rate, ChaosScope Scope, string TargetKey, TimeSpan? Delay = null);

public sealed class InjectedFaultException(ChaosPolicy policy)
    : Exception($"Chaos policy {policy.PolicyId} injected {policy.Fault} for {policy.Scope} '{policy.TargetKey}'")
{
    public ChaosPolicy Policy { get; } = policy;
}

public sealed class ChaosEngine(IReadOnlyList<ChaosPolicy> policies)
{
    public IReadOnlyList<ChaosPolicy> Active { get; } = policies;

    public ChaosPolicy? Match(ChaosScope scope, string key) =>
        Active.FirstOrDefault(p => p.Scope == scope && string.Equals(p.TargetKey, key, StringComparison.Ordinal) && Random.Shared.NextDouble() < p.Rate);

    public async Task ApplyAsync(ChaosPolicy policy, CancellationToken cancellationToken)
    {
        switch (policy.Fault)
        {
            case FaultKind.Latency:
                await Task.Delay(policy.Delay ?? TimeSpan.FromSeconds(1), cancellationToken);
                break;
            case FaultKind.Error:
            case FaultKind.Drop:
                throw new InjectedFaultException(policy);
        }
    }
}
