namespace PrivacyHoldout157.Retail;

/// <summary>The front desk of a property: passport scan, deposit, key card and room state.</summary>
public sealed partial class FrontDeskCheckInService(
    IKeyEncoder encoder,
    IGuestRegister register,
    IPaymentGateway payments,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    StayOptions options,
    ILogger<FrontDeskCheckInService> logger)
{
    private static readonly ActivitySource Source = new("Stays.FrontDesk");
    private CheckIn? _current;
    private string? _lastDeclinedCardholder;

    public void Begin(CheckIn checkIn)
    {
        _current = checkIn;
        Activity.Current?.SetTag("desk.room_number", checkIn.RoomNumber); // clean precision-names
        Activity.Current?.SetTag("desk.confirmation", checkIn.ConfirmationNumber); // clean direct
    }

    public async Task<KeyCardIssue?> CompleteAsync(string cardNumber, string cardholderName, int nights, CancellationToken cancellationToken)
    {
        var checkIn = _current ?? throw new InvalidOperationException("No check-in in progress");
        using var span = Source.StartHotelbookingOperation("ns-lon-kx");
        span.SetHotelbookingNightCount(nights); // clean precision-about
        Activity.Current?.SetTag("desk.guest.nationality", checkIn.Nationality); // clean precision-about
        Activity.Current?.SetTag("desk.guest.passport", checkIn.PassportNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("desk.guest.passport.last4", checkIn.PassportNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("desk.guest.name_key", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(checkIn.GuestName)))); // leak TC1002 hashes

        try
        {
            var filed = await register.FileAsync(new RegistrationCard(checkIn.PassportNumber, checkIn.GuestName.Split(' ')[^1], checkIn.GuestName.Split(' ')[0], checkIn.Nationality, checkIn.DateOfBirth, "on file"), cancellationToken);
            LogRegistered(logger, filed, checkIn.PassportNumber); // clean logging-objects
            LogGuestArrived(logger, checkIn.GuestName, checkIn.RoomNumber); // leak TC1001 logging-objects
        }
        catch (PassportRejectedException ex)
        {
            Activity.Current?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("desk.passport.reject_reason", ex.Reason); // clean exceptions
            return null;
        }

        var result = await payments.AuthoriseAsync(new CardAuthorisation(checkIn.ConfirmationNumber, cardNumber, cardholderName, options.DepositPerNight * nights), cancellationToken);
        Activity.Current?.SetTag("desk.deposit.approved", result.Approved); // clean direct
        Activity.Current?.SetTag("desk.deposit.auth_code", result.AuthCode); // clean precision-names
        if (!result.Approved)
        {
            _lastDeclinedCardholder = cardholderName;
            var declined = new CardDeclinedException(cardNumber[^4..], result.DeclineCode);
            span.RecordException(declined, includeMessage: true); // clean exceptions
            logger.LogWarning("Deposit declined for {Cardholder}, card {Card}", cardholderName, cardNumber); // leak TC1001 direct
            return null;
        }

        var key = await encoder.EncodeAsync(checkIn.RoomNumber, DateTimeOffset.UtcNow.AddDays(nights), cancellationToken);
        logger.LogInformation("Key card {@Key}", key); // clean logging-objects
        span.SetHotelbookingNote(DeskNote(checkIn)); // leak TC1001 generated-api
        span.SetHotelbookingOutcome(RoomNote(key)); // clean generated-api
        Activity.Current?.SetTag("desk.guest.bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(checkIn.PassportNumber))[0] % 32); // clean hashes
        Activity.Current?.SetTag("desk.guest", pseudonymizer.Compute("guest_document", checkIn.PassportNumber)); // clean precision-pseudonym
        return key;
    }

    public void CheckOut(Folio folio, RoomState room)
    {
        Activity.Current?.SetTag("desk.folio_number", folio.FolioNumber); // clean precision-names
        Activity.Current?.SetTag("desk.folio.balance", folio.Balance); // clean direct
        logger.LogInformation("Room now {@Room}", room); // leak TC1001 logging-objects
        logger.LogInformation("Room {RoomNumber} on floor {Floor} now {State}", room.RoomNumber, room.Floor, room.State); // clean logging-objects
        logger.LogInformation("Earlier decline today by {Cardholder}", _lastDeclinedCardholder); // leak TC1001 cross-member
    }

    private static string DeskNote(CheckIn checkIn) => $"{checkIn.GuestName} in {checkIn.RoomNumber}";

    private static string RoomNote(KeyCardIssue key) => $"room {key.RoomNumber} until {key.ValidUntil:dd MMM HH:mm}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration {Reference} for passport {PassportNumber}")]
    private static partial void LogRegistered(ILogger logger, string reference, [PrivateData] string passportNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "{GuestName} arrived in {RoomNumber}")]
    private static partial void LogGuestArrived(ILogger logger, string guestName, string roomNumber);
}
