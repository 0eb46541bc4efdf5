namespace PrivacyHoldout85.Energy;

/// <summary>
/// Diagnostics of the public account API used by the website, the app and third-party switching
/// sites. It accepts any document, and the switching sites send literals (account numbers, postcodes)
/// in their queries instead of variables.
/// </summary>
public sealed class GridDiagnosticListener(ILogger<GridDiagnosticListener> logger, Meter meter, TelemetrySecrets secrets) : ExecutionDiagnosticEventListener
{
    private readonly Histogram<double> _cost = meter.CreateHistogram<double>("grid.graphql.field_cost");
    private readonly CostOptions _limits = new(MaxFieldCost: 500);

    public override IDisposable ExecuteRequest(IRequestContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("graphql.operation.name", context.OperationName); // clean precision-about
        activity?.SetTag("graphql.document.hash", context.DocumentHash); // clean hashes
        if (context.Extensions?.TryGetValue("persistedQuery", out var pq) == true && pq is PersistedQueryExtension apq)
        {
            activity?.SetTag("graphql.apq.sha256", apq.Sha256Hash); // clean hashes
            activity?.SetTag("graphql.apq.version", apq.Version); // clean precision-about
        }

        if (context.Document is { } document)
        {
            activity?.SetTag("graphql.document", document.ToString()); // leak TC1001 strings
            activity?.SetTag("graphql.document.shape", document.PrintShape()); // clean precision-about
            activity?.SetTag("graphql.document.length", document.Length); // clean precision-about
            logger.LogDebug("Replayable operation: {Operation}", OperationText.InlineVariables(document, context.Variables)); // leak TC1001 strings
            logger.LogDebug("Variables {Variables}", OperationText.DescribeVariables(context.Variables)); // clean precision-names
        }

        var lane = context.Variables?.TryGetValue("accountNumber", out var account) == true && account is string number ? KeyedShards.Of(secrets.ShardKey, number, 16) : -1;
        activity?.SetTag("grid.sample.lane", lane); // clean hashes
        return EmptyScope;
    }

    public override void OperationCost(IRequestContext context, CostMetrics cost)
    {
        _cost.Record(cost.FieldCost, new KeyValuePair<string, object?>("operation", context.OperationName ?? "anonymous")); // clean precision-about
        Activity.Current?.SetTag("graphql.cost.type", cost.TypeCost); // clean precision-about
        if (cost.FieldCost > _limits.MaxFieldCost)
        {
            var ex = new CostLimitExceededException(context.OperationName ?? "anonymous", cost.FieldCost, _limits.MaxFieldCost);
            logger.LogWarning(ex, "Cost limit hit; complexity {Cost} with {VariableCount} variables", cost, context.Variables?.Count ?? 0); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            if (context.Variables?.TryGetValue("accountNumber", out var account) == true)
            {
                _cost.Record(cost.FieldCost, new KeyValuePair<string, object?>("over_limit_account", account)); // leak TC1003 direct
            }
        }
    }

    public override void SyntaxError(IRequestContext context, IError error)
    {
        logger.LogInformation("Syntax error {Message} in document {DocumentHash} of {Length} characters", error.Message, context.DocumentHash, context.Document?.Length); // clean precision-about
    }

    public override void RequestError(IRequestContext context, Exception exception)
    {
        Activity.Current?.AddException(exception); // clean exceptions
        logger.LogError("Request error for {OperationName}; variables were {Variables}", context.OperationName, context.Variables?.Values); // leak TC1001 logging-objects
    }
}
