namespace PrivacyHoldout176.Energy;

/// <summary>Consumes the segments of three-way interpreted calls between customers, interpreters and advisers (the topic is keyed by the customer's account number).</summary>
public sealed class InterpreterCallConsumer(
    IConsumer<string, CallSegment> consumer,
    Pseudonymizer pseudonymizer,
    ILogger<InterpreterCallConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.InterpretedCalls");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is not null)
            {
                var customerRef = pseudonymizer.PseudonymizeGridlanguageLearnerId(result.Message.Key);
                Activity.Current?.SetTag("customer.ref", customerRef.ToString()); // clean precision-pseudonym
            }

            if (result?.Message.Value is not { } segment)
            {
                continue;
            }

            using var span = Source.StartGridlanguageOperation("interpreted-calls");
            span.SetGridlanguageNote($"Call {segment.CallId} segment from {segment.Speaker}"); // clean generated-api
            span.SetGridlanguageNote(segment.SourceText); // leak TC1001 generated-api
            span.SetGridlanguageItemCount(segment.SourceText.Split(' ').Length); // clean generated-api
            Activity.Current?.SetTag("call.id", segment.CallId); // clean precision-names
            Activity.Current?.SetTag("call.translated_text", segment.TranslatedText); // leak TC1001 direct
            logger.LogDebug("Segment {Segment}", segment); // leak TC1001 logging-objects
            logger.LogDebug("Segment of {CallId} by {Speaker}: {Words} words", segment.CallId, segment.Speaker, segment.SourceText.Length); // clean precision-about
            Record(segment.CallId, segment.TranslatedText); // leak TC1001 cross-member
            consumer.Commit(result!);
        }

        return Task.CompletedTask;
    }

    private void Record(string callId, string text)
    {
        logger.LogInformation("Call {CallId} translated: {Text}", callId, text); // leak TC1001 direct
    }
}
