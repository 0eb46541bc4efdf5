namespace PrivacyHoldout180.Retail;

public sealed record StoreBookingRequest(string LoyaltyCardNumber, string CustomerName, string Mobile, string Store, string SessionId);

/// <summary>Mobile donor sessions in store car parks: loyalty members book, donate, and get points; colleagues take donor leave.</summary>
public sealed class StoreDonorSessions(IDonorRegister register, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<StoreDonorSessions> logger)
{
    private static readonly ActivitySource Source = new("Storedrive.Sessions");
    private static readonly Meter Meter = new("Storedrive.Sessions");
    private static readonly Counter<long> Points = Meter.CreateCounter<long>("storedrive.points");
    private readonly StoredriveOperationsCounter _operations = Meter.CreateStoredriveOperationsCounter();
    private readonly StoredriveOperationDurationHistogram _duration = Meter.CreateStoredriveOperationDurationHistogram();

    public async Task<string> Book(StoreBookingRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var booking = new LoyaltyDonorBooking(request.LoyaltyCardNumber, request.CustomerName, request.Mobile, request.Store, request.SessionId);
        using var span = Source.StartStoredriveOperation(booking.Store);
        span.SetStoredriveDonationType("whole_blood"); // clean generated-api
        span.SetStoredriveDonorId(pseudonymizer.PseudonymizeStoredriveDonorId(booking.LoyaltyCardNumber)); // clean precision-pseudonym
        span.SetStoredriveNote($"booked {booking.CustomerName} into {booking.SessionId}"); // leak TC1001 generated-api
        span.SetStoredriveNote($"session {booking.SessionId}"); // clean generated-api
        span.Activity?.SetTag(StoredriveAttributes.Contact, booking.Mobile); // leak TC1001 generated-api
        span.Activity?.SetTag("loyalty.card", booking.LoyaltyCardNumber); // leak TC1001 direct
        span.Activity?.SetTag("loyalty.card_last4", booking.LoyaltyCardNumber[^4..]); // clean precision-about
        span.Activity?.SetTag("store.id", booking.Store); // clean precision-names
        span.Activity?.SetTag("session.id", booking.SessionId); // clean precision-names
        logger.LogInformation("Booking {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Booking at {Store} for {Session}", booking.Store, booking.SessionId); // clean precision-names
        try
        {
            await register.BookAsync(booking.LoyaltyCardNumber, booking.SessionId);
        }
        catch (SessionFullException ex)
        {
            logger.LogWarning(ex, "Car-park session full"); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
        catch (DonorNotFoundException ex)
        {
            logger.LogStoredriveOperationFailedEvent(booking.Store, "failed", storedriveNote: ex.Message); // leak TC1001 generated-api
            logger.LogWarning("Booking failed: {Error}", ex.ToString()); // leak TC1001 exceptions
        }
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, booking.Store); // clean generated-api
        return booking.SessionId;
    }

    public void Reward(DonorReward reward)
    {
        using var activity = Source.StartActivity("Reward");
        activity?.SetTag("reward.points", reward.Points); // clean precision-about
        Points.Add(reward.Points, new KeyValuePair<string, object?>("store", reward.Store)); // clean precision-about
        Points.Add(reward.Points, new KeyValuePair<string, object?>("card", reward.LoyaltyCardNumber)); // leak TC1003 direct
        var tags = new TagList { { "store", reward.Store }, { "card.bucket", Bucket(reward.LoyaltyCardNumber) } };
        Points.Add(reward.Points, tags); // clean hashes
        logger.LogInformation("Reward {@Reward}", reward); // leak TC1001 logging-objects
        activity?.SetTag("card.fingerprint", BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(reward.LoyaltyCardNumber)))); // leak TC1002 hashes
        _operations.Add(1, reward.Store, "rewarded"); // clean generated-api
    }

    public void ColleagueLeave(ColleagueDonorLeave leave)
    {
        using var activity = Source.StartActivity("ColleagueLeave");
        activity?.SetTag("colleague.number", leave.ColleagueNumber); // leak TC1001 direct
        activity?.SetTag("colleague.hours", leave.Hours); // clean precision-about
        activity?.SetTag("colleague.store", leave.Store); // clean precision-about
        logger.LogInformation("Leave for " + leave.ColleagueName + " at " + leave.Store); // leak TC1001 strings
        logger.LogInformation("Leave logged {Leave}", leave with { ColleagueName = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Leave logged {Leave}", leave with { ColleagueName = "", ColleagueNumber = "" }); // clean logging-objects
        Activity.Current?.SetBaggage("colleague", pseudonymizer.ComputeStoredriveDonorId(leave.ColleagueNumber)); // clean precision-pseudonym
    }

    private string Bucket(string card) => Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(card)))[..2];
}
