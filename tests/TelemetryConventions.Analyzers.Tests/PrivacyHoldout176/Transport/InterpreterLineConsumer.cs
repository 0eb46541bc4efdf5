namespace PrivacyHoldout176.Transport;

/// <summary>Consumes calls to the passenger interpreter line from the telephony platform and books an interpreter.</summary>
public sealed class InterpreterLineConsumer(
    IQueueReceiver<PassengerCall> calls,
    IInterpreterRoster roster,
    Pseudonymizer pseudonymizer,
    ILogger<InterpreterLineConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Operator.InterpreterLine");
    private static readonly Meter Meter = new("Operator.InterpreterLine");
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("interpreter_line.calls");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var call = await calls.ReceiveAsync(stoppingToken);
            if (call is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("InterpreterLine.Call", ActivityKind.Consumer);
            activity?.SetTag("call.id", call.CallId); // clean precision-names
            activity?.SetTag("call.route", call.Route); // clean precision-names
            activity?.SetTag("call.caller", call.CallerNumber); // leak TC1001 direct
            activity?.SetTag("call.caller_prefix", call.CallerNumber[..4]); // clean precision-about
            activity?.SetTag("call.caller_ref", pseudonymizer.PseudonymizeTransitlanguageLearnerId(call.CallerNumber).Value); // clean precision-pseudonym
            Calls.Add(1, new KeyValuePair<string, object?>("language", call.Language), new KeyValuePair<string, object?>("route", call.Route)); // clean precision-about
            Calls.Add(1, new KeyValuePair<string, object?>("caller", call.CallerNumber)); // leak TC1003 direct

            var masked = call with { CallerNumber = call.CallerNumber[..4] + "*******" };
            logger.LogInformation("Call {Call}", masked); // clean logging-objects
            var rerouted = call with { Route = "interpreter-queue" };
            logger.LogInformation("Rerouted {Call}", rerouted); // leak TC1001 logging-objects
            activity?.SetBaggage("caller.ref", pseudonymizer.Compute("learner", call.CallerNumber)); // clean precision-pseudonym
            try
            {
                var booking = await roster.BookAsync(call.Language, DateTimeOffset.UtcNow, stoppingToken);
                logger.LogInformation("Interpreter {Interpreter} connected to {Caller}", booking?.InterpreterName, call.CallerNumber); // leak TC1001 direct
                logger.LogInformation("Interpreter connected on call {CallId} in {Language}", call.CallId, call.Language); // clean precision-names
            }
            catch (NoInterpreterException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogWarning(ex, "No interpreter for call {CallId}", call.CallId); // clean exceptions
                logger.LogWarning("No interpreter for {Call}", call); // leak TC1001 logging-objects
                activity?.AddEvent(new ActivityEvent("callback.scheduled", tags: new ActivityTagsCollection { ["callback.number"] = call.CallerNumber })); // leak TC1001 direct
            }
        }
    }
}
