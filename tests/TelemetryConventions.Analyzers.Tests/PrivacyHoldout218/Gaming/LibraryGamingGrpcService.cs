namespace PrivacyHoldout218.Gaming;

public sealed record GameLoanRequest(string CardNumber, string Gamertag, string TitleId, string Platform, string Branch);

public sealed record GameLoanReply(string LoanId, DateTime DueAt, int WaitlistLength);

public sealed record GamingPcRequest(string CardNumber, string Gamertag, string Branch, int Minutes, string? TournamentCode);

/// <summary>A player as the publisher's account service reports it; its ToString is the class default.</summary>
public sealed class PlayerAccount
{
    public required string AccountId { get; init; }

    public required string Gamertag { get; init; }

    public int Level { get; init; }
}

/// <summary>The publisher's library partnership: members borrow console games and book gaming PCs for library tournaments.</summary>
public sealed partial class LibraryGamingGrpcService(
    ILibraryStore store,
    IEbookPlatform lending,
    IPrintAndPcSystem pcSystem,
    Pseudonymizer pseudonymizer,
    ILogger<LibraryGamingGrpcService> logger,
    LibraryOptions options)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout218.Gaming.LibraryGaming");
    private static readonly Meter Meter = new("PrivacyHoldout218.Gaming.LibraryGaming");
    private static readonly Counter<long> GameLoans = Meter.CreateCounter<long>("gameshelf.game.loans");

    public async Task<GameLoanReply> BorrowGame(GameLoanRequest request, ServerCallContext context)
    {
        using var span = Source.StartGameshelfOperation(request.Branch);
        var activity = Activity.Current;
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("gameshelf.branch", request.Branch); // clean precision-names
        activity?.SetTag("gameshelf.title.id", request.TitleId); // clean precision-names
        activity?.SetTag("gameshelf.platform", request.Platform); // clean precision-names
        activity?.SetTag("gameshelf.player.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("gameshelf.gamertag.length", request.Gamertag.Length); // clean precision-about
        activity?.SetTag("gameshelf.member.card", request.CardNumber); // leak TC1001 direct
        span.SetGameshelfMemberId(pseudonymizer.PseudonymizeGameshelfMemberId(request.CardNumber)); // clean generated-api
        span.SetGameshelfFormat(request.Platform); // clean generated-api
        span.SetGameshelfNote("borrowed by " + request.Gamertag); // leak TC1001 generated-api
        try
        {
            var member = await store.FindMemberAsync(request.CardNumber, context.CancellationToken) ?? throw new MemberNotFoundException(request.CardNumber);
            var loanId = await lending.CheckoutAsync(member.CardNumber, request.TitleId, context.CancellationToken);
            var waitlist = await lending.WaitlistLengthAsync(request.TitleId, context.CancellationToken);
            activity?.SetTag("gameshelf.loan.id", loanId); // clean precision-names
            activity?.SetTag("gameshelf.waitlist.length", waitlist); // clean precision-about
            activity?.SetTag("gameshelf.member.age", DateTime.UtcNow.Year - member.DateOfBirth.Year); // clean precision-about
            logger.LogInformation("Game {TitleId} lent as {LoanId} on {Platform}", request.TitleId, loanId, request.Platform); // clean precision-names
            logger.LogInformation("Game lent to {FullName}", member.FullName); // leak TC1001 direct
            logger.LogInformation("Game loan {@Request}", request); // leak TC1001 logging-objects
            LogGameLent(logger, request.Gamertag, request.TitleId); // clean logging-objects
            GameLoans.Add(1, new KeyValuePair<string, object?>("gameshelf.platform", request.Platform)); // clean precision-names
            GameLoans.Add(1, new KeyValuePair<string, object?>("gameshelf.gamertag", request.Gamertag)); // leak TC1003 direct
            return new GameLoanReply(loanId, DateTime.UtcNow.AddDays(14), waitlist);
        }
        catch (MemberNotFoundException ex)
        {
            span.RecordException(ex, "member not found"); // clean exceptions
            logger.LogWarning(ex, "Borrow refused"); // leak TC1001 exceptions
            throw new RpcException("NOT_FOUND", ex.Message);
        }
        catch (HoldLimitException ex)
        {
            logger.LogWarning(ex, "Borrow refused for title {TitleId}", request.TitleId); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            throw new RpcException("RESOURCE_EXHAUSTED", ex.Message);
        }
    }

    public async Task<PcBooking> BookGamingPc(GamingPcRequest request, ServerCallContext context)
    {
        var activity = Activity.Current;
        var player = PlayerReference(request);
        activity?.SetTag("gameshelf.player.ref", player); // leak TC1001 cross-member
        activity?.SetTag("gameshelf.tournament.code", request.TournamentCode); // clean precision-names
        activity?.SetTag("gameshelf.player.pseudonym", pseudonymizer.ComputeGameshelfMemberId(request.CardNumber)); // clean precision-pseudonym
        activity?.AddBaggage("gameshelf.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.AddBaggage("gameshelf.tournament", request.TournamentCode); // clean precision-names
        var booking = await pcSystem.BookAsync(request.CardNumber, request.Branch, request.Minutes, context.CancellationToken);
        activity?.SetTag("gameshelf.pc.id", booking.PcId); // clean precision-names
        activity?.SetTag("gameshelf.pc.minutes", booking.Minutes); // clean precision-about
        var seat = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.Gamertag)))[..6];
        activity?.SetTag("gameshelf.seat.key", seat); // leak TC1002 hashes
        var bracket = HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(request.Gamertag))[0] % 8;
        activity?.SetTag("gameshelf.bracket", bracket); // clean hashes
        activity?.SetTag("gameshelf.player.hash", request.CardNumber.GetHashCode()); // leak TC1002 hashes
        var account = new PlayerAccount { AccountId = request.CardNumber, Gamertag = request.Gamertag, Level = 3 };
        logger.LogInformation("Seat for {Account}", account); // clean logging-objects
        logger.LogInformation("Seat for {@Account}", account); // leak TC1001 logging-objects
        logger.LogInformation("Seat {Seat} for level {Level}", booking.PcId, account.Level); // clean precision-about
        var line = $"{request.Branch}/{booking.PcId}/{request.Gamertag}";
        activity?.AddEvent(new ActivityEvent("seated", tags: new ActivityTagsCollection { ["gameshelf.seat.line"] = line })); // leak TC1001 strings
        activity?.AddEvent(new ActivityEvent("seated", tags: new ActivityTagsCollection { ["gameshelf.seat.line"] = $"{request.Branch}/{booking.PcId}" })); // clean strings
        Meter.CreateGameshelfOperationsCounter().Add(1, request.Branch, gameshelfOutcome: "seated"); // clean generated-api
        Meter.CreateGameshelfOperationsCounter().Add(1, request.Branch, gameshelfOutcome: pseudonymizer.ComputeGameshelfMemberId(request.CardNumber)); // leak TC1003 precision-pseudonym
        Meter.CreateGameshelfOperationDurationHistogram().Record(0.4, request.Branch); // clean generated-api
        logger.LogGameshelfOperationFailedEvent(request.Branch, "no-seat", gameshelfMemberId: pseudonymizer.PseudonymizeGameshelfMemberId(request.CardNumber), gameshelfNote: "no seat free"); // clean generated-api
        logger.LogGameshelfOperationFailedEvent(request.Branch, "no-seat", gameshelfNote: $"no seat for {request.Gamertag}"); // leak TC1001 generated-api
        return booking;
    }

    private static string PlayerReference(GamingPcRequest request) => request.Gamertag.ToLowerInvariant();

    [LoggerMessage(EventId = 2184, Level = LogLevel.Information, Message = "Game {TitleId} lent to {Gamertag}")]
    private static partial void LogGameLent(ILogger logger, [PrivateData] string gamertag, string titleId);
}
