namespace PrivacyHoldout114.Energy;

public sealed record TariffSwitch(string AccountNumber, string Mpan, string FromTariff, string ToTariff, string HolderEmail, string Region);

/// <summary>A tariff switch runs as a Durable orchestration; a timer reconciles switches stuck in flight.</summary>
public sealed class TariffSwitchOrchestration(ILogger<TariffSwitchOrchestration> logger, Pseudonymizer pseudonymizer, IAmazonSQS sqs)
{
    private static readonly ActivitySource Source = new("Supplier.TariffSwitch.Functions");
    private static readonly Meter Meter = new("Supplier.TariffSwitch.Functions");
    private static readonly Counter<long> Switches = Meter.CreateCounter<long>("meterfn.switches");
    private static readonly MeterfnDurationHistogram Duration = Meter.CreateMeterfnDurationHistogram();

    [Function("TariffSwitchOrchestrator")]
    public async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var log = context.CreateReplaySafeLogger("TariffSwitch");
        var request = context.GetInput<TariffSwitch>()!;
        log.LogInformation("Switch {From} -> {To} in {Region}", request.FromTariff, request.ToTariff, request.Region); // clean precision-about
        log.LogInformation("Switch requested {@Switch}", request); // leak TC1001 logging-objects
        Switches.Add(1, new KeyValuePair<string, object?>("to_tariff", request.ToTariff)); // clean precision-about
        Switches.Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.ComputeMeterfnAccountId(request.AccountNumber))); // leak TC1003 precision-pseudonym
        try
        {
            await context.CallActivityAsync("NotifyIndustryRegistry", request.Mpan);
            await context.CallActivityAsync("EmailConfirmation", request.HolderEmail);
        }
        catch (TaskFailedException ex) when (ex.FailureDetails.IsCausedBy<RegistryRejectedException>())
        {
            log.LogWarning("Registry rejected switch: {Failure}", ex.FailureDetails.ErrorMessage); // leak TC1001 exceptions
            log.LogWarning("Registry rejected switch in task {TaskName}", ex.TaskName); // clean exceptions
        }
    }

    [Function("NotifyIndustryRegistry")]
    public Task NotifyIndustryRegistry([ActivityTrigger] string mpan, FunctionContext context)
    {
        using var span = Source.StartMeterfnInvoke("NotifyIndustryRegistry", "activity");
        span.SetMeterfnAccountId(pseudonymizer.PseudonymizeMeterfnAccountId(mpan)); // clean precision-pseudonym
        span.Activity?.SetBaggage("mpan", mpan); // leak TC1001 direct
        if (mpan.Length != 13)
        {
            throw new RegistryRejectedException(mpan); // leak TC1001 exceptions
        }
        return Task.CompletedTask;
    }

    [Function("EmailConfirmation")]
    public Task EmailConfirmation([ActivityTrigger] string holderEmail, FunctionContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var log = context.GetLogger<TariffSwitchOrchestration>();
        log.LogInformation("Confirmation sent to {Recipient}", holderEmail); // leak TC1001 direct
        log.LogInformation("Confirmation sent, invocation {InvocationId} of {FunctionId}", context.InvocationId, context.FunctionId); // clean precision-names
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "EmailConfirmation"); // clean generated-api
        return Task.CompletedTask;
    }

    [Function("ReconcileStuckSwitches")]
    public async Task ReconcileAsync([TimerTrigger("0 */15 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        var metadata = await client.GetInstanceAsync("tariff-reconcile-singleton");
        logger.LogInformation("Reconciler status {Status}, created {Created}", metadata?.RuntimeStatus, metadata?.CreatedAt); // clean precision-about
        logger.LogInformation("Reconciler instance {InstanceId}", metadata?.InstanceId); // clean precision-names
        if (metadata?.FailureDetails is { } failure)
        {
            logger.LogWarning("Reconciler failed with {ErrorType}", failure.ErrorType); // clean exceptions
        }
        await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = "https://sqs.eu-west-2.amazonaws.com/123456789012/switch-reconcile", MessageBody = "tick" });
    }
}

public sealed class RegistryRejectedException(string mpan) : Exception($"Industry registry has no supply point {mpan}");
