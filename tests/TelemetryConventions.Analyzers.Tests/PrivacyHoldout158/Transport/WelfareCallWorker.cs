namespace PrivacyHoldout158.Transport;

/// <summary>The rail care line rings passengers who asked for a welfare call after a disruption or an incident they witnessed.</summary>
public sealed class WelfareCallWorker(IQueueReceiver<Callback> callbacks, ICallPlatform platform, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<WelfareCallWorker> logger) : BackgroundService
{
    private readonly List<string> failedNumbers = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var callback = await callbacks.ReceiveAsync(stoppingToken);
            if (callback is null)
            {
                continue;
            }

            using var span = source.StartRailcareOperation("leeds");
            span.SetRailcareNote($"Welfare call {callback.CallbackId} at {callback.Slot:t}"); // clean generated-api
            try
            {
                var caller = await platform.FindCallerAsync(callback.Number, stoppingToken) ?? throw new CallerNotFoundException(callback.Number);
                span.SetRailcarePassengerId(pseudonymizer.PseudonymizeRailcarePassengerId(caller.CallerId.ToString())); // clean precision-pseudonym
                logger.LogInformation("Welfare call to {Passenger}", Label(caller)); // leak TC1001 strings
                logger.LogInformation("Welfare call {CallbackId} in slot {Slot}", callback.CallbackId, SlotLabel(callback)); // clean strings
            }
            catch (CallerNotFoundException ex)
            {
                failedNumbers.Add(callback.Number);
                span.SetRailcareOutcome("caller-not-found"); // clean generated-api
                logger.LogRailcareOperationFailedEvent("leeds", "caller-not-found", railcareNote: ex.Message); // leak TC1001 generated-api
                logger.LogError("Welfare call failed: {Type}", ex.GetType().Name); // clean exceptions
                Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                Activity.Current?.SetTag(RailcareAttributes.Contact, callback.Number); // leak TC1001 generated-api
            }
            catch (LineBusyException ex)
            {
                logger.LogWarning(ex, "Welfare line busy"); // clean exceptions
                Activity.Current?.SetTag("railcare.line", ex.LineCode); // clean exceptions
            }
        }
    }

    public void Report()
    {
        logger.LogWarning("Welfare calls failed to {Numbers}", failedNumbers); // leak TC1001 cross-member
        logger.LogWarning("Welfare calls failed: {Count}", failedNumbers.Count); // clean cross-member
    }

    private static string Label(Caller caller) => $"{caller.FirstName} ({caller.Postcode})";

    private static string SlotLabel(Callback callback) => $"{callback.LineCode}@{callback.Slot:HH:mm}";
}
