namespace PrivacyHoldout201.Transport;

public sealed record PetCheckIn(string BookingReference, string PassengerName, string PassengerMobile, string VehiclePlate, string PetName, string Species, string MicrochipNumber, string HealthCertificateNumber, string Port);

public sealed record ChipScanResult(string ScannerId, string Port, bool ChipRead, bool MatchesCertificate);

public sealed class CertificateMismatchException(string microchipNumber, string certificateNumber)
    : Exception($"Chip {microchipNumber} does not match certificate {certificateNumber}");

public sealed class ScannerOfflineException(string scannerId, string port)
    : Exception($"Scanner {scannerId} at {port} is offline");

/// <summary>A ferry operator's pet travel check-in: the animal's chip is scanned at the port and matched to its health certificate.</summary>
public static partial class PetTravelEndpoints
{
    private static readonly ActivitySource Source = new("PrivacyHoldout201.Transport.PetTravel");
    private static readonly Meter Meter = new("PrivacyHoldout201.Transport.PetTravel");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("pettravel.checks");
    private static string? _lastMismatchedChip;
    private static string? _lastMismatchedPort;

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/pet-travel/check-in", CheckInAsync);
        routes.MapGet("/pet-travel/mismatches", Mismatches);
    }

    private static async Task<ActionResult> CheckInAsync(PetCheckIn checkIn, IChipDatabase chips, Pseudonymizer pseudonymizer, PracticeOptions options, ILogger<PetCheckIn> logger, CancellationToken ct)
    {
        using var activity = Source.StartActivity("pet.check_in");
        activity?.SetTag("pettravel.booking.reference", checkIn.BookingReference); // clean precision-names
        activity?.SetTag("pettravel.port", checkIn.Port); // clean precision-about
        activity?.SetTag("pettravel.pet.species", checkIn.Species); // clean precision-about
        activity?.SetTag("pettravel.pet.name", checkIn.PetName); // clean precision-names
        activity?.SetTag("pettravel.vehicle.plate", checkIn.VehiclePlate); // leak TC1001 direct
        activity?.SetTag("pettravel.passenger.mobile", checkIn.PassengerMobile); // leak TC1001 direct
        activity?.SetTag("pettravel.passenger.mobile_prefix", checkIn.PassengerMobile[..3]); // clean precision-about
        activity?.SetTag("pettravel.certificate.number", checkIn.HealthCertificateNumber); // leak TC1001 direct
        activity?.SetTag("pettravel.chip.length", checkIn.MicrochipNumber.Length); // clean precision-about
        activity?.SetTag("pettravel.passenger_count", 1); // clean precision-names

        var scan = new ChipScanResult("SCN-DOV-04", checkIn.Port, true, !checkIn.MicrochipNumber.EndsWith('0'));
        logger.LogInformation("Scan {@Scan}", scan); // clean logging-objects
        logger.LogInformation("Check-in {CheckIn}", checkIn); // leak TC1001 logging-objects
        logger.LogInformation("Check-in {@CheckIn}", checkIn with { PassengerMobile = "", VehiclePlate = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Check-in {@CheckIn}", new { checkIn.BookingReference, checkIn.Port, checkIn.Species }); // clean logging-objects

        try
        {
            var lookup = await chips.LookupAsync(checkIn.MicrochipNumber, ct);
            logger.LogInformation("Chip found on {Database}, contactable {Contactable}", lookup.Database, lookup.KeeperContactable); // clean precision-about
            if (!scan.MatchesCertificate)
            {
                throw new CertificateMismatchException(checkIn.MicrochipNumber, checkIn.HealthCertificateNumber);
            }
        }
        catch (CertificateMismatchException ex)
        {
            _lastMismatchedChip = checkIn.MicrochipNumber;
            _lastMismatchedPort = checkIn.Port;
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogError(ex, "Pet held at {Port}", checkIn.Port); // leak TC1001 exceptions
            activity?.SetTag("pettravel.error", ex.GetType().Name); // clean exceptions
        }
        catch (ScannerOfflineException ex)
        {
            logger.LogError(ex, "Scanner offline"); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }

        var passenger = pseudonymizer.PseudonymizePettravelClientId(checkIn.BookingReference + ":" + checkIn.PassengerName);
        using (var span = Source.StartPettravelOperation(checkIn.Port))
        {
            span.SetPettravelClientId(passenger); // clean generated-api
            span.SetPettravelSpecies(checkIn.Species); // clean generated-api
            span.SetPettravelOutcome(scan.MatchesCertificate ? "boarded" : "held"); // clean generated-api
            span.SetPettravelNote($"chip {checkIn.MicrochipNumber} scanned"); // leak TC1001 generated-api
            span.SetPettravelNote($"booking {checkIn.BookingReference} scanned by {scan.ScannerId}"); // clean generated-api
        }

        Checks.Add(1, new KeyValuePair<string, object?>("port", checkIn.Port)); // clean precision-about
        Checks.Add(1, new KeyValuePair<string, object?>("chip", checkIn.MicrochipNumber)); // leak TC1003 direct
        Checks.Add(1, new KeyValuePair<string, object?>("chip.bucket", BitConverter.ToUInt16(SHA256.HashData(Encoding.UTF8.GetBytes(checkIn.MicrochipNumber))) % 16)); // leak TC1003 hashes
        Checks.Add(1, new KeyValuePair<string, object?>("chip.shard", HMACSHA256.HashData(options.Secrets.ShardKey, Encoding.UTF8.GetBytes(checkIn.MicrochipNumber))[0] % options.ShardCount)); // clean hashes
        LogBoarded(logger, checkIn.BookingReference, checkIn.PassengerName); // clean logging-objects
        LogBoardedPlain(logger, checkIn.BookingReference, checkIn.MicrochipNumber); // leak TC1001 logging-objects
        return new OkResult(scan.MatchesCertificate);
    }

    private static ActionResult Mismatches(ILogger<PetCheckIn> logger)
    {
        logger.LogWarning("Last mismatched chip {Chip}", _lastMismatchedChip); // leak TC1001 cross-member
        logger.LogWarning("Last mismatch at {Port}", _lastMismatchedPort); // clean cross-member
        return new OkResult(null);
    }

    [LoggerMessage(EventId = 7011, Level = LogLevel.Information, Message = "Booking {BookingReference} boarded with {PassengerName}")]
    private static partial void LogBoarded(ILogger logger, string bookingReference, [PrivateData] string passengerName);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Information, Message = "Booking {BookingReference} boarded pet chip {MicrochipNumber}")]
    private static partial void LogBoardedPlain(ILogger logger, string bookingReference, string microchipNumber);
}
