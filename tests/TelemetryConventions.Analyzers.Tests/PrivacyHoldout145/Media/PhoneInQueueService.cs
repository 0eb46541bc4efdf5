namespace PrivacyHoldout145.Media;

/// <summary>
/// Runs the phone-in queue for a radio programme: the producer screens callers, writes a note, and puts the next
/// one through to the studio. The programme's lines belong to the broadcaster; callers are people.
/// </summary>
public sealed class PhoneInQueueService(
    ICallQueue queue,
    Pseudonymizer pseudonymizer,
    ILogger<PhoneInQueueService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Broadcaster.PhoneIn.Queue");

    private readonly Counter<long> _putThrough = meter.CreateCounter<long>("phonein.calls.put_through", "{call}");
    private readonly Histogram<double> _wait = meter.CreateHistogram<double>("phonein.calls.wait", "s");

    private PhoneInCaller? _lastOnAir;
    private readonly Dictionary<string, string> _screenedOut = new();

    public async Task NextAsync(string programme, string studio, string producerStaffId, LineStatus line, CancellationToken ct)
    {
        using var span = Source.StartPhoneinOperation(programme, "phonein.next");
        span.SetPhoneinProducerId(pseudonymizer.PseudonymizePhoneinProducerId(producerStaffId)); // clean precision-pseudonym
        Activity.Current?.SetTag("phonein.line.number", line.LineNumber); // clean precision-names
        logger.LogInformation("Line status {Line}", line); // clean logging-objects
        _wait.Record(line.LongestWait.TotalSeconds, new KeyValuePair<string, object?>("programme", programme)); // clean precision-about

        var waiting = await queue.WaitingAsync(programme, ct);
        var next = waiting.FirstOrDefault(c => c.ProducerNote is not null);
        if (next is null)
        {
            return;
        }

        Activity.Current?.SetTag("phonein.caller.town", next.Town); // clean precision-about
        Activity.Current?.SetTag("phonein.caller.first_name", next.FirstName); // leak TC1001 direct
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CallerNumber"] = next.CallerNumber, ["Studio"] = studio }); // leak TC1001 direct
        await queue.PutThroughAsync(next.CallerNumber, studio, ct);
        _lastOnAir = next;
        logger.LogInformation("Putting through {Caller}", next); // leak TC1001 logging-objects
        logger.LogInformation("Producer note: {Note}", next.ProducerNote); // leak TC1001 direct
        logger.LogInformation("Producer note of {Length} characters for a caller on {Topic}", next.ProducerNote!.Length, next.Topic); // clean precision-about
        _putThrough.Add(1, new KeyValuePair<string, object?>("programme", programme), new KeyValuePair<string, object?>("studio", studio)); // clean precision-about
        span.SetPhoneinNote(Summarise(next)); // leak TC1001 generated-api
        span.SetPhoneinNote($"{next.Topic} caller from {next.Town}"); // clean generated-api
        Activity.Current?.SetTag(PhoneinAttributes.Contact, pseudonymizer.ComputePhoneinCallerId(next.CallerNumber)); // leak TC1001 precision-pseudonym
    }

    public void ScreenOut(PhoneInCaller caller, string reasonCode)
    {
        _screenedOut[caller.CallerNumber] = reasonCode;
        logger.LogInformation("Screened out a caller on {Topic}: {ReasonCode}", caller.Topic, reasonCode); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("phonein.screened_out", tags: new ActivityTagsCollection { ["caller"] = pseudonymizer.ComputePhoneinCallerId(caller.CallerNumber), ["reason"] = reasonCode })); // clean precision-pseudonym
    }

    public void ReportShow()
    {
        logger.LogInformation("Last caller on air: {FirstName} from {Town}", _lastOnAir?.FirstName, _lastOnAir?.Town); // leak TC1001 cross-member
        logger.LogInformation("Screened-out numbers: {Numbers}", _screenedOut.Keys); // leak TC1001 cross-member
        logger.LogInformation("Screening reasons: {Reasons}", _screenedOut.Values.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count())); // clean cross-member
    }

    private static string Summarise(PhoneInCaller caller) => $"{caller.FirstName} on {caller.CallerNumber}: {caller.ProducerNote}";
}
