namespace PrivacyHoldout85.Gaming;

/// <summary>Cost analysis on the game client's endpoint: the complexity of each operation, per title build.</summary>
public sealed class MatchmakingCostListener(ILogger<MatchmakingCostListener> logger, Meter meter) : ExecutionDiagnosticEventListener
{
    private readonly Histogram<double> _complexity = meter.CreateHistogram<double>("play.graphql.complexity");

    public override void OperationCost(IRequestContext context, CostMetrics cost)
    {
        var build = context.ContextData.TryGetValue("client.build", out var b) ? b as string : null;
        _complexity.Record(cost.FieldCost, new KeyValuePair<string, object?>("operation", context.OperationName), new KeyValuePair<string, object?>("build", build)); // clean precision-about
        Activity.Current?.SetTag("graphql.complexity", cost.FieldCost); // clean precision-about
        if (cost.FieldCost > 800)
        {
            logger.LogWarning("Complex operation {OperationName} ({Cost}) from {Player}", context.OperationName, cost.FieldCost, context.User.Name); // leak TC1001 direct
            Activity.Current?.SetTag("graphql.cost.metrics", cost.ToString()); // clean precision-about
        }
    }

    public override IDisposable ExecuteRequest(IRequestContext context)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["OperationId"] = context.Operation?.Id, ["DocumentId"] = context.DocumentId?.Value }); // clean hashes
        if (context.Variables is { } variables && variables.TryGetValue("squad", out var squad) && squad is IEnumerable<object> members)
        {
            logger.LogDebug("Matchmaking request for squad {Squad}", string.Join(",", members)); // leak TC1001 strings
            logger.LogDebug("Squad size {Size}", members.Count()); // clean precision-about
        }

        return EmptyScope;
    }
}
