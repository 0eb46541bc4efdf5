namespace PrivacyHoldout189.Gaming;

public sealed record RentConsoleRequest(string PrisonNumber, string ConsoleModel, string TitleId, int Weeks, string KioskPin);

public sealed record RentConsoleReply(string RentalId, decimal WeeklyCharge, decimal BalanceAfter);

public sealed record ConsoleRental(string RentalId, string PrisonNumber, string ConsoleSerial, string TitleId, decimal WeeklyCharge);

public sealed record TitleCatalogueEntry(string TitleId, string Name, string AgeRating, bool Online);

public sealed partial class ConsoleRentalGrpcService(
    IPrisonerMoneyLedger ledger,
    IPrisonerIndex prisoners,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    EstablishmentOptions options,
    ILogger<ConsoleRentalGrpcService> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout189.Gaming.ConsoleRental");
    private static readonly Meter RentalMeter = new("PrivacyHoldout189.Gaming.ConsoleRental");
    private static readonly Counter<long> Rentals = RentalMeter.CreateCounter<long>("cellconsole.rentals");
    private static readonly UpDownCounter<long> Active = RentalMeter.CreateUpDownCounter<long>("cellconsole.active");

    private readonly List<ConsoleRental> _recent = new();

    public async Task<RentConsoleReply> RentConsole(RentConsoleRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("cellconsole.rent", ActivityKind.Server);
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer.address", context.Peer); // leak TC1001 direct
        activity?.SetTag("cellconsole.model", request.ConsoleModel); // clean precision-names
        activity?.SetTag("cellconsole.title.id", request.TitleId); // clean precision-names
        activity?.SetTag("cellconsole.weeks", request.Weeks); // clean precision-about
        activity?.SetTag("cellconsole.kiosk_pin", request.KioskPin); // leak TC1001 direct
        activity?.SetTag("cellconsole.kiosk_pin.present", !string.IsNullOrEmpty(request.KioskPin)); // clean precision-about

        var prisoner = await prisoners.FindAsync(request.PrisonNumber, context.CancellationToken);
        if (prisoner is null)
        {
            var rpc = new RpcException("NotFound", $"prisoner {request.PrisonNumber} unknown");
            activity?.SetStatus(ActivityStatusCode.Error, rpc.Message); // leak TC1001 exceptions
            logger.LogWarning("Rental refused: {Status}", rpc.Status); // clean exceptions
            throw rpc;
        }

        var balance = await ledger.BalanceAsync(prisoner.PrisonNumber, context.CancellationToken);
        activity?.SetTag("cellconsole.balance_band", balance switch { < 5m => "low", < 20m => "mid", _ => "high" }); // clean precision-about
        activity?.SetTag("cellconsole.incentive_level", prisoner.IncentiveLevel); // clean precision-about

        var debit = await ledger.DebitAsync(prisoner.PrisonNumber, 1.50m * request.Weeks, "console", context.CancellationToken);
        var rental = new ConsoleRental(Guid.NewGuid().ToString("N"), prisoner.PrisonNumber, "XB-" + request.TitleId, request.TitleId, 1.50m);
        _recent.Add(rental);

        activity?.SetTag("cellconsole.rental.id", rental.RentalId); // clean precision-names
        activity?.SetTag("cellconsole.transaction.id", debit.TransactionId); // clean precision-names
        activity?.SetTag("cellconsole.amount", debit.Amount); // clean precision-about
        activity?.SetTag("cellconsole.prisoner.id", pseudonymizer.PseudonymizeCellconsolePrisonerId(prisoner.PrisonNumber)); // clean precision-pseudonym
        activity?.AddEvent(new ActivityEvent("spends.debited", tags: new ActivityTagsCollection { ["transaction"] = debit })); // leak TC1001 logging-objects

        logger.LogInformation("Rental {@Rental}", rental); // leak TC1001 logging-objects
        logger.LogInformation("Rental {Rental}", rental with { PrisonNumber = pseudonymizer.ComputeCellconsolePrisonerId(prisoner.PrisonNumber) }); // clean logging-objects
        logger.LogInformation("Reply {@Reply}", new RentConsoleReply(rental.RentalId, rental.WeeklyCharge, balance - debit.Amount)); // clean logging-objects
        LogRented(logger, rental.RentalId, prisoner.PrisonNumber); // clean precision-names
        LogRentedForWing(logger, rental.RentalId, prisoner.FullName); // leak TC1001 direct

        Rentals.Add(1, new KeyValuePair<string, object?>("model", request.ConsoleModel), new KeyValuePair<string, object?>("establishment", prisoner.Establishment)); // clean precision-names
        Rentals.Add(1, new KeyValuePair<string, object?>("prisoner", pseudonymizer.PseudonymizeCellconsolePrisonerId(prisoner.PrisonNumber))); // leak TC1003 precision-pseudonym
        Active.Add(1, new KeyValuePair<string, object?>("wing", prisoner.Wing)); // clean precision-names
        Active.Add(1, new KeyValuePair<string, object?>("pnc", prisoner.PncId)); // leak TC1003 direct

        using var span = Source.StartCellconsoleOperation(prisoner.Establishment);
        span.SetCellconsolePrisonerId(pseudonymizer.PseudonymizeCellconsolePrisonerId(prisoner.PrisonNumber)); // clean generated-api
        span.SetCellconsoleKind("rental"); // clean generated-api
        span.SetCellconsoleItems(request.Weeks); // clean generated-api
        span.SetCellconsoleNote("rented " + request.ConsoleModel + " by " + prisoner.FullName); // leak TC1001 generated-api
        span.SetCellconsolePrisonerId(Pseudonym.FromComputed(prisoner.PrisonNumber)); // leak TC1001 generated-api
        RentalMeter.CreateCellconsoleOperationsCounter().Add(1, prisoner.Establishment, "approved"); // clean generated-api
        RentalMeter.CreateCellconsoleOperationsCounter().Add(1, prisoner.Establishment, "approved-" + prisoner.PrisonNumber); // leak TC1003 generated-api

        return new RentConsoleReply(rental.RentalId, rental.WeeklyCharge, balance - debit.Amount);
    }

    public Task<int> ReturnOverdue(TitleCatalogueEntry title, ServerCallContext context)
    {
        using var activity = Source.StartActivity("cellconsole.overdue", ActivityKind.Server);
        activity?.SetTag("cellconsole.title.name", title.Name); // clean precision-names
        activity?.SetTag("cellconsole.title.age_rating", title.AgeRating); // clean precision-about
        logger.LogInformation("Title {@Title}", title); // clean logging-objects
        var overdue = _recent.Where(r => r.TitleId == title.TitleId).ToList();
        activity?.SetTag("cellconsole.overdue.count", overdue.Count); // clean cross-member
        activity?.SetTag("cellconsole.overdue.rentals", string.Join(",", overdue.Select(r => r.RentalId))); // clean cross-member
        activity?.SetTag("cellconsole.overdue.prisoners", string.Join(",", overdue.Select(r => r.PrisonNumber))); // leak TC1001 cross-member
        logger.LogInformation("Overdue rentals {Rentals}", overdue); // leak TC1001 cross-member

        foreach (var rental in overdue)
        {
            var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rental.PrisonNumber)))[..12];
            logger.LogInformation("Overdue reminder key {Key}", key); // leak TC1002 hashes
            var bucket = (rental.PrisonNumber.GetHashCode() & 0x7fffffff) % 10;
            activity?.AddEvent(new ActivityEvent("overdue", tags: new ActivityTagsCollection { ["bucket"] = bucket })); // leak TC1002 hashes
            var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(rental.PrisonNumber)))[..8];
            logger.LogInformation("Overdue reminder shard {Shard}", keyed); // clean hashes
        }

        return Task.FromResult(overdue.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rental {RentalId} for {PrisonNumber}")]
    private static partial void LogRented(ILogger logger, string rentalId, [PrivateData] string prisonNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rental {RentalId} for {PrisonerName} (wing list)")]
    private static partial void LogRentedForWing(ILogger logger, string rentalId, string prisonerName);
}
