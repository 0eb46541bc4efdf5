namespace PrivacyHoldout157.Education;

/// <summary>Reads front-desk check-ins of conference delegates staying in halls (topic <c>halls.checkins</c>, keyed by confirmation number), files the police registration card and encodes a key card.</summary>
public sealed partial class ConferenceDelegateCheckInConsumer(
    IConsumer<string, CheckIn> consumer,
    IGuestRegister register,
    IKeyEncoder encoder,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ConferenceDelegateCheckInConsumer> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Campus.ConferenceDesk");
    private readonly Histogram<double> _deskSeconds = meter.CreateHistogram<double>("conference.desk.seconds");
    private readonly Counter<long> _rejected = meter.CreateCounter<long>("conference.passports.rejected");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var checkIn = result.Message.Value;
            var started = Stopwatch.GetTimestamp();
            using var activity = Source.StartActivity("conference.checkin");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean direct
            activity?.SetTag("conference.room_number", checkIn.RoomNumber); // clean precision-names
            activity?.SetTag("conference.guest.age", DateTime.Today.Year - checkIn.DateOfBirth.Year); // clean precision-about
            activity?.SetTag("conference.guest.dob", checkIn.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct
            activity?.SetTag("conference.guest.bucket", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(checkIn.PassportNumber)))[..16]); // clean hashes

            try
            {
                var card = ToCard(checkIn);
                var reference = await register.FileAsync(card, stoppingToken);
                LogFiled(logger, reference, card.Nationality); // clean logging-objects
                LogFiledFor(logger, card.FamilyName, reference); // leak TC1001 logging-objects
                logger.LogDebug("Registration card {Card}", card); // leak TC1001 logging-objects

                var key = await encoder.EncodeAsync(checkIn.RoomNumber, DateTimeOffset.UtcNow.AddDays(3), stoppingToken);
                activity?.SetTag("conference.keycard.serial", key.CardSerial); // clean precision-names
                logger.LogInformation("Key {@Key} encoded", key); // clean logging-objects
            }
            catch (PassportRejectedException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                activity?.SetTag("conference.reject.reason", ex.Reason); // clean exceptions
                _rejected.Add(1, new KeyValuePair<string, object?>("nationality", checkIn.Nationality)); // clean precision-about
                _rejected.Add(1, new KeyValuePair<string, object?>("passport.hash", BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(checkIn.PassportNumber))))); // leak TC1003 hashes
                logger.LogHallletsOperationFailedEvent("conference-centre", "passport-rejected", hallletsNote: $"Scanner said: {ex.Reason}"); // clean generated-api
                activity?.SetTag("conference.guest", pseudonymizer.ComputeHallletsGuestId(checkIn.PassportNumber)); // clean precision-pseudonym
            }
            catch (EncoderOfflineException ex)
            {
                logger.LogError(ex, "Key encoder offline for room {Room}", checkIn.RoomNumber); // clean exceptions
            }
            finally
            {
                _deskSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("guest.nationality", checkIn.Nationality)); // clean precision-about
                meter.CreateHallletsCheckinDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, hallletsHall: "conference-centre"); // clean generated-api
                consumer.Commit(result);
            }
        }
    }

    private static RegistrationCard ToCard(CheckIn checkIn)
    {
        var names = checkIn.GuestName.Split(' ', 2);
        return new RegistrationCard(checkIn.PassportNumber, names[^1], names[0], checkIn.Nationality, checkIn.DateOfBirth, "as on passport");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration card {Reference} filed for a {Nationality} delegate")]
    private static partial void LogFiled(ILogger logger, string reference, string nationality);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Registration card for {FamilyName} filed as {Reference}")]
    private static partial void LogFiledFor(ILogger logger, string familyName, string reference);
}
