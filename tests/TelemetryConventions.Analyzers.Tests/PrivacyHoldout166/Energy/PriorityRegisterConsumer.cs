namespace PrivacyHoldout166.Energy;

public sealed record PriorityFlag(string AccountNumber, string FlagCode, string Source, string? Note);

/// <summary>Reads vulnerability flags (gambling harm among them) from a topic keyed by account number.</summary>
public sealed partial class PriorityRegisterConsumer(
    IConsumer<string, PriorityFlag> consumer,
    Pseudonymizer pseudonymizer,
    ILogger<PriorityRegisterConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("PowerDraw.Priority");

    [LoggerMessage(Level = LogLevel.Information, Message = "Flag {FlagCode} from {Source} for account {AccountNumber}")]
    private partial void FlagRead(string flagCode, string source, [PrivateData] string accountNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flag note: {Note}")]
    private partial void FlagNote(string note);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var flag = result.Message.Value;
            using var activity = Source.StartActivity("priority.flag");
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("priority.flag", flag.FlagCode); // clean precision-about
            FlagRead(flag.FlagCode, flag.Source, flag.AccountNumber); // clean direct
            if (flag.Note is { Length: > 0 } note)
            {
                FlagNote(note); // leak TC1001 direct
                activity?.SetTag("priority.note.length", note.Length); // clean precision-about
            }

            var customer = pseudonymizer.PseudonymizePowerdrawCustomerId(flag.AccountNumber);
            activity?.SetBaggage("powerdraw.customer", customer.Value); // clean precision-pseudonym
            var (account, code) = (flag.AccountNumber, flag.FlagCode);
            logger.LogDebug("Flag {Code} applied to {Account}", code, account); // leak TC1001 direct
            logger.LogDebug("Flag applied: {Flag}", flag); // leak TC1001 logging-objects
            logger.LogDebug("Flag {Code} from {Source} applied", flag.FlagCode, flag.Source); // clean precision-names
            using (logger.BeginScope(new Dictionary<string, object> { ["Account"] = flag.AccountNumber })) // leak TC1001 direct
            {
                logger.LogDebug("Priority services register updated"); // clean precision-about
            }
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}
