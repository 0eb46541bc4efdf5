namespace PrivacyHoldout114.Transport;

/// <summary>Penalty fares arrive as EventBridge events from the inspectors' handhelds; a nightly schedule expires unpaid notices.</summary>
public sealed class PenaltyFareFunctions(Pseudonymizer pseudonymizer, ILogger<PenaltyFareFunctions> logger, INoticeStore notices)
{
    private static readonly ActivitySource Source = new("Operator.Penalties.Lambda");
    private static readonly Meter Meter = new("Operator.Penalties.Lambda");
    private static readonly FarefnDurationHistogram Duration = Meter.CreateFarefnDurationHistogram();
    private static readonly Histogram<double> Amounts = Meter.CreateHistogram<double>("farefn.penalty.amount");

    public async Task OnPenaltyIssuedAsync(CloudWatchEvent<PenaltyFareDetail> penalty, ILambdaContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartFarefnInvoke(context.FunctionName, "eventbridge");
        span.SetFarefnInstanceId(penalty.Id).SetFarefnRoute(penalty.Detail.RouteId); // clean generated-api
        span.SetFarefnDriverId(pseudonymizer.PseudonymizeFarefnDriverId(penalty.Detail.InspectorStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("penalty.notice", penalty.Detail.NoticeNumber); // clean precision-names
        span.Activity?.SetTag("penalty.inspector", penalty.Detail.InspectorStaffNumber); // leak TC1001 direct
        span.Activity?.SetTag(FarefnAttributes.RiderContact, penalty.Detail.RiderEmail); // leak TC1001 generated-api
        span.SetFarefnNote($"{penalty.DetailType} from {penalty.Source}"); // clean generated-api
        Amounts.Record((double)penalty.Detail.Amount, new KeyValuePair<string, object?>("route", penalty.Detail.RouteId)); // clean precision-about
        context.Logger.LogInformation("Penalty {Notice} issued on card {Card}", penalty.Detail.NoticeNumber, penalty.Detail.CardNumber); // leak TC1001 direct
        context.Logger.LogInformation("Penalty event {Detail}", JsonSerializer.Serialize(penalty.Detail)); // leak TC1001 strings
        context.Logger.LogInformation("Penalty event resources {Resources}", string.Join(",", penalty.Resources)); // clean strings
        try
        {
            await notices.SaveAsync(penalty.Detail);
        }
        catch (ConditionalCheckFailedException ex)
        {
            context.Logger.LogWarning("Duplicate notice: {Message}", ex.Message); // clean exceptions
        }
        logger.LogFarefnFunctionFailedEvent(context.FunctionName, "saved", Pseudonym.FromComputed(penalty.Detail.CardNumber), penalty.Detail.NoticeNumber); // leak TC1001 precision-pseudonym
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, context.FunctionName, "eventbridge"); // clean generated-api
    }

    public async Task ExpireUnpaidAsync(ScheduledEvent scheduled, ILambdaContext context)
    {
        var expired = await notices.ExpireUnpaidAsync();
        context.Logger.LogInformation("Expired {Count} notices, remaining time {Remaining}", expired.Count, context.RemainingTime); // clean precision-about
        context.Logger.LogInformation("Expired notices {Notices}", string.Join(",", expired.Select(n => n.NoticeNumber))); // clean strings
        context.Logger.LogInformation("Expired for riders {Riders}", expired.Select(n => n.RiderEmail)); // leak TC1001 logging-objects
        context.Logger.LogInformation("Log stream {Stream}, request {RequestId}", context.LogStreamName, context.AwsRequestId); // clean precision-names
    }
}

public interface INoticeStore
{
    Task SaveAsync(PenaltyFareDetail detail);

    Task<IReadOnlyList<PenaltyFareDetail>> ExpireUnpaidAsync();
}
