namespace PrivacyHoldout185.Gaming;

/// <summary>The publisher's player support translation over gRPC, and interpreters' shifts on tournament stages.</summary>
public sealed partial class TranslationGrpcService(
    ITranslator translator,
    IInterpretingAgency agency,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TranslationGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Publisher.SupportTranslation");
    private static readonly Meter Meter = new("Publisher.SupportTranslation");
    private static readonly Counter<long> Translations = Meter.CreateCounter<long>("support_translation.tickets");
    private static readonly Histogram<int> ShiftMinutes = Meter.CreateHistogram<int>("stage_interpreting.shift_minutes");
    private static readonly QuestlocalOperationsCounter Operations = Meter.CreateQuestlocalOperationsCounter();

    private StageInterpreterShift? _currentShift;
    private string? _lastGamertag;

    public async Task<string> TranslateTicket(TicketTranslation ticket, ServerCallContext context)
    {
        using var span = Source.StartQuestlocalOperation("eu-west");
        span.SetQuestlocalLanguage(ticket.SourceLanguage); // clean precision-names
        span.SetQuestlocalMode("ticket"); // clean precision-names
        span.SetQuestlocalClientId(pseudonymizer.PseudonymizeQuestlocalClientId(ticket.PlayerId)); // clean precision-pseudonym
        span.SetQuestlocalClientId(Pseudonym.FromComputed(ticket.PlayerId)); // leak TC1001 precision-pseudonym
        span.SetQuestlocalNote("Ticket from " + ticket.Gamertag); // leak TC1001 generated-api
        span.SetQuestlocalNote("Translated: " + ticket.TranslatedText); // leak TC1001 generated-api
        span.SetQuestlocalNote($"Ticket {ticket.TicketId}, {ticket.OriginalText.Length} chars"); // clean generated-api

        var activity = span.Activity;
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer.address", context.Peer); // leak TC1001 direct
        activity?.SetTag("support_translation.ticket_id", ticket.TicketId); // clean precision-names
        activity?.SetTag("support_translation.player_id", ticket.PlayerId); // leak TC1001 direct
        activity?.SetTag("support_translation.gamertag", ticket.Gamertag); // leak TC1001 direct
        activity?.SetTag("support_translation.original", ticket.OriginalText); // leak TC1001 direct
        activity?.SetTag("support_translation.original_words", ticket.OriginalText.Split(' ').Length); // clean precision-about
        activity?.SetTag("support_translation.source_language", ticket.SourceLanguage); // clean precision-names
        activity?.SetTag("support_translation.player_lane", (uint)ticket.PlayerId.GetHashCode() % 4); // leak TC1002 hashes
        activity?.SetTag("support_translation.player_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(ticket.PlayerId))[0] % 32); // clean hashes
        Baggage.SetBaggage("player.id", ticket.PlayerId); // leak TC1001 direct
        Baggage.SetBaggage("player.pseudonym", pseudonymizer.ComputeQuestlocalClientId(ticket.PlayerId)); // clean precision-pseudonym
        _lastGamertag = ticket.Gamertag;

        Translations.Add(1, new KeyValuePair<string, object?>("source_language", ticket.SourceLanguage)); // clean precision-names
        Translations.Add(1, new KeyValuePair<string, object?>("gamertag", ticket.Gamertag)); // leak TC1003 direct
        Operations.Add(1, "eu-west", ticket.Gamertag); // leak TC1003 generated-api
        Operations.Add(1, "eu-west", "translated"); // clean generated-api

        var translated = await translator.TranslateAsync(ticket.OriginalText, ticket.SourceLanguage, "en", context.CancellationToken);
        logger.LogInformation("Ticket {TicketId} translated from {Language}", ticket.TicketId, ticket.SourceLanguage); // clean precision-names
        logger.LogInformation("Ticket translated: {Translated}", translated); // leak TC1001 direct
        logger.LogInformation("Ticket translated, {Length} chars", translated.Length); // clean precision-about
        logger.LogInformation("Ticket {Ticket}", ticket); // leak TC1001 logging-objects
        logger.LogDebug("Ticket without the player {Ticket}", ticket with { PlayerId = "", Gamertag = "", OriginalText = "", TranslatedText = "" }); // clean logging-objects
        logger.LogDebug("Ticket without the gamertag {Ticket}", ticket with { Gamertag = "" }); // leak TC1001 logging-objects

        if (translated.Length == 0)
        {
            var rpc = new RpcException("NotFound", $"No translation for player {ticket.PlayerId}");
            span.RecordException(rpc, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Translation failed with {Status}", rpc.Status); // clean exceptions
            throw rpc;
        }

        return translated;
    }

    public async Task<string> StartShift(StageInterpreterShift shift, ServerCallContext context)
    {
        using var activity = Source.StartActivity("stage_interpreting.shift");
        _currentShift = shift;
        activity?.SetTag("stage_interpreting.shift_id", shift.ShiftId); // clean precision-names
        activity?.SetTag("stage_interpreting.stage", shift.Stage); // clean precision-names
        activity?.SetTag("stage_interpreting.interpreter_id", shift.InterpreterId); // leak TC1001 direct
        activity?.SetTag("stage_interpreting.interpreter", pseudonymizer.Compute(Spaces.Interpreter, shift.InterpreterId)); // clean precision-pseudonym
        activity?.SetTag("stage_interpreting.last_gamertag", _lastGamertag); // leak TC1001 cross-member
        ShiftMinutes.Record(shift.Minutes, new KeyValuePair<string, object?>("stage", shift.Stage), new KeyValuePair<string, object?>("language", shift.Language)); // clean precision-names
        ShiftMinutes.Record(shift.Minutes, new KeyValuePair<string, object?>("interpreter", pseudonymizer.Compute(Spaces.Interpreter, shift.InterpreterId))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Shift {Shift}", shift); // leak TC1001 logging-objects

        var interpreter = await agency.InterpreterAsync(shift.InterpreterId, context.CancellationToken);
        if (interpreter is null)
        {
            return "unknown";
        }

        activity?.SetTag("stage_interpreting.languages", interpreter.Languages.Count); // clean precision-about
        activity?.SetTag("stage_interpreting.register", interpreter.RegisterNumber); // leak TC1001 direct
        activity?.SetTag("stage_interpreting.name", interpreter.FullName); // leak TC1001 direct
        logger.LogInformation("Interpreter confirmed: {InterpreterName}", interpreter.FullName); // leak TC1001 direct
        logger.LogInformation("Interpreter confirmed for {Stage} in {Languages}", shift.Stage, string.Join("/", interpreter.Languages)); // clean precision-names
        var profile = new InterpreterProfile { InterpreterId = interpreter.InterpreterId, DisplayName = interpreter.FullName, Email = interpreter.Email, Languages = interpreter.Languages };
        logger.LogInformation("Profile {Profile}", profile); // clean logging-objects
        logger.LogInformation("Profile {@Profile}", profile); // leak TC1001 logging-objects
        activity?.SetTag("stage_interpreting.email_domain", profile.EmailDomain); // clean precision-about
        return shift.ShiftId;
    }

    public void EndShift()
    {
        using var activity = Source.StartActivity("stage_interpreting.end");
        activity?.SetTag("stage_interpreting.stage", _currentShift?.Stage); // clean cross-member
        activity?.SetTag("stage_interpreting.interpreter_id", _currentShift?.InterpreterId); // leak TC1001 cross-member
        LogShiftEnded(logger, _currentShift?.ShiftId ?? "", _currentShift?.InterpreterId ?? ""); // clean logging-objects
    }

    [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Shift {ShiftId} ended for {InterpreterId}")]
    private static partial void LogShiftEnded(ILogger logger, string shiftId, [PrivateData] string interpreterId);
}
