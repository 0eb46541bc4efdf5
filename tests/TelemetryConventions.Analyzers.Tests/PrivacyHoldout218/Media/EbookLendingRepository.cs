namespace PrivacyHoldout218.Media;

/// <summary>A hold as the broadcaster's lending app stores it.</summary>
public sealed record HoldRow(string HoldId, string CardNumber, string Isbn, string Title, int QueuePosition, string NotifyEmail);

/// <summary>A loan's reading progress as the app syncs it; the highlight is the member's own text.</summary>
public sealed record ReadingProgress(string LoanId, string CardNumber, int Percent, string? LastHighlight);

/// <summary>A request to place a hold; its own PrintMembers leaves the card number and email out.</summary>
public sealed record HoldRequest(string CardNumber, string Isbn, string PickupBranch, string NotifyEmail)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Isbn = ").Append(Isbn).Append(", PickupBranch = ").Append(PickupBranch);
        return true;
    }
}

/// <summary>The broadcaster's e-book and e-audio lending app: loans, holds, reading progress and reading history.</summary>
public sealed partial class EbookLendingRepository(
    ILibraryStore store,
    IEbookPlatform platform,
    Pseudonymizer pseudonymizer,
    ILogger<EbookLendingRepository> logger,
    LibraryOptions options)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout218.Media.Lending");
    private static readonly Meter Meter = new("PrivacyHoldout218.Media.Lending");
    private static readonly Counter<long> HoldsPlaced = Meter.CreateCounter<long>("lendcast.holds.placed");
    private static readonly Histogram<double> ProgressSync = Meter.CreateHistogram<double>("lendcast.progress.sync");

    private readonly Dictionary<string, string> _notifyByHold = new();
    private string? _lastHighlight;

    public async Task<Hold> PlaceHoldAsync(HoldRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartLendcastOperation(request.PickupBranch);
        var activity = Activity.Current;
        activity?.SetTag("lendcast.isbn", request.Isbn); // clean precision-names
        activity?.SetTag("lendcast.pickup.branch", request.PickupBranch); // clean precision-names
        activity?.SetTag("lendcast.notify.email", request.NotifyEmail); // leak TC1001 direct
        activity?.SetTag("lendcast.notify.email_domain", new System.Net.Mail.MailAddress(request.NotifyEmail).Host); // clean precision-about
        logger.LogInformation("Hold requested {Request}", request); // clean logging-objects
        logger.LogInformation("Hold requested {@Request}", request); // leak TC1001 logging-objects
        span.SetLendcastMemberId(pseudonymizer.PseudonymizeLendcastMemberId(request.CardNumber)); // clean generated-api
        span.SetLendcastFormat("ebook"); // clean generated-api
        try
        {
            var hold = await store.PlaceHoldAsync(request.CardNumber, request.Isbn, request.PickupBranch, cancellationToken);
            _notifyByHold[hold.HoldId] = request.NotifyEmail;
            activity?.SetTag("lendcast.hold.id", hold.HoldId); // clean precision-names
            activity?.SetTag("lendcast.hold.queue_position", hold.QueuePosition); // clean precision-about
            logger.LogInformation("Hold placed {Hold}", hold); // leak TC1001 logging-objects
            logger.LogInformation("Hold placed {HoldId} at position {Position}", hold.HoldId, hold.QueuePosition); // clean precision-names
            HoldsPlaced.Add(1, new KeyValuePair<string, object?>("lendcast.format", "ebook")); // clean precision-names
            HoldsPlaced.Add(1, new KeyValuePair<string, object?>("lendcast.hold.id", hold.HoldId)); // clean precision-names
            HoldsPlaced.Add(1, new KeyValuePair<string, object?>("lendcast.member.card", hold.CardNumber)); // leak TC1003 direct
            span.SetLendcastOutcome(hold.QueuePosition > 0 ? "waitlisted" : "ok"); // clean generated-api
            return hold;
        }
        catch (HoldLimitException ex)
        {
            span.SetLendcastNote(ex.Message); // clean generated-api
            logger.LogWarning(ex, "Hold limit for {Isbn}", request.Isbn); // clean exceptions
            throw;
        }
        catch (MemberBlockedException ex)
        {
            span.SetLendcastNote(ex.Message); // leak TC1001 generated-api
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Blocked: {Error}", ex.ToString()); // leak TC1001 exceptions
            throw;
        }
    }

    public void NotifyHoldReady(string holdId, string title)
    {
        var email = _notifyByHold.GetValueOrDefault(holdId) ?? string.Empty;
        var activity = Activity.Current;
        activity?.SetTag("lendcast.hold.id", holdId); // clean precision-names
        activity?.SetTag("lendcast.title", title); // clean precision-names
        activity?.SetTag("lendcast.notify.to", email); // leak TC1001 cross-member
        activity?.SetTag("lendcast.notify.template", "hold-ready-v3"); // clean precision-names
        activity?.SetTag(LendcastAttributes.Contact, email); // leak TC1001 cross-member
        logger.LogInformation("Hold {HoldId} ready, notifying {Recipient}", holdId, email); // leak TC1001 cross-member
        LogHoldReady(logger, holdId, email); // clean logging-objects
    }

    public async Task SyncProgressAsync(ReadingProgress progress, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        _lastHighlight = progress.LastHighlight;
        activity?.SetTag("lendcast.loan.id", progress.LoanId); // clean precision-names
        activity?.SetTag("lendcast.progress.percent", progress.Percent); // clean precision-about
        activity?.SetTag("lendcast.progress.has_highlight", progress.LastHighlight is not null); // clean precision-about
        activity?.SetTag("lendcast.member", pseudonymizer.ComputeLendcastMemberId(progress.CardNumber)); // clean precision-pseudonym
        ProgressSync.Record(progress.Percent, new KeyValuePair<string, object?>("lendcast.member", pseudonymizer.ComputeLendcastMemberId(progress.CardNumber))); // leak TC1003 precision-pseudonym
        ProgressSync.Record(progress.Percent, new KeyValuePair<string, object?>("lendcast.format", "eaudio")); // clean precision-names
        logger.LogDebug("Progress {@Progress}", progress with { LastHighlight = null }); // leak TC1001 logging-objects
        logger.LogDebug("Progress {@Progress}", new { progress.LoanId, progress.Percent }); // clean logging-objects
        await Task.Yield();
        TraceHighlight();
        await ExportHistoryAsync(progress.CardNumber, cancellationToken);
    }

    private void TraceHighlight()
    {
        Activity.Current?.AddEvent(new ActivityEvent("highlight", tags: new ActivityTagsCollection { ["lendcast.highlight.text"] = _lastHighlight })); // leak TC1001 cross-member
        Activity.Current?.AddEvent(new ActivityEvent("highlight", tags: new ActivityTagsCollection { ["lendcast.highlight.length"] = _lastHighlight?.Length ?? 0 })); // clean precision-about
    }

    private async Task ExportHistoryAsync(string cardNumber, CancellationToken cancellationToken)
    {
        using var span = Source.StartLendcastOperation("app");
        var history = await store.HistoryAsync(cardNumber, cancellationToken);
        var csv = new StringBuilder();
        foreach (var line in history)
        {
            csv.AppendLine($"{line.CardNumber},{line.Isbn},{line.ReturnedOn:O}");
        }

        Activity.Current?.SetTag("lendcast.history.preview", csv.ToString()); // leak TC1001 strings
        Activity.Current?.SetTag("lendcast.history.bytes", csv.Length); // clean precision-about
        Activity.Current?.SetTag("lendcast.history.isbns", string.Join(",", history.Select(h => h.Isbn))); // clean strings
        logger.LogInformation("History exported for {Member} with {Count} lines", pseudonymizer.ComputeLendcastMemberId(cardNumber), history.Count); // clean precision-pseudonym
        logger.LogInformation("History exported: {Lines}", history.Select(h => h.CardNumber + ":" + h.Title)); // leak TC1001 strings
        span.SetLendcastItems(history.Count); // clean generated-api
        span.SetLendcastNote($"history export for card {cardNumber}"); // leak TC1001 generated-api
        var etag = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cardNumber + history.Count)));
        Activity.Current?.SetTag("lendcast.history.etag", etag); // leak TC1002 hashes
        Activity.Current?.SetTag("lendcast.history.shard", HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(cardNumber))[0]); // clean hashes
        Meter.CreateLendcastOperationsCounter().Add(1, "app", lendcastOutcome: "exported"); // clean generated-api
        Meter.CreateLendcastOperationDurationHistogram().Record(0.8, "app"); // clean generated-api
        logger.LogLendcastOperationFailedEvent("app", "export", lendcastNote: $"{history.Count} lines"); // clean generated-api
        logger.LogLendcastOperationFailedEvent("app", "export", lendcastMemberId: Pseudonym.FromComputed(cardNumber)); // leak TC1001 generated-api
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["HistoryOwner"] = cardNumber }); // leak TC1001 logging-objects
        using var exportScope = logger.BeginScope(new Dictionary<string, object> { ["ExportLines"] = history.Count }); // clean logging-objects
    }

    [LoggerMessage(EventId = 2185, Level = LogLevel.Information, Message = "Hold {HoldId} ready for {Email}")]
    private static partial void LogHoldReady(ILogger logger, string holdId, [PrivateData] string email);
}
