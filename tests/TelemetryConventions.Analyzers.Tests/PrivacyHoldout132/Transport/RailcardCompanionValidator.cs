namespace PrivacyHoldout132.Transport;

/// <summary>A ticket bought with a Disabled Persons Railcard, with the discount for one adult companion.</summary>
public sealed record RailcardTicket(string TicketId, string RailcardNumber, string HolderName, DateOnly RailcardExpiry, bool WithCompanion, string FareCode, string OriginCrs);

public interface IRailcardRegistry
{
    Task<bool> IsValidAsync(string railcardNumber, CancellationToken cancellationToken = default);
}

/// <summary>Checks a Disabled Persons Railcard on an assisted booking's ticket before the companion discount is accepted.</summary>
public sealed class RailcardCompanionValidator(
    IRailcardRegistry registry,
    Pseudonymizer pseudonymizer,
    ILogger<RailcardCompanionValidator> logger)
{
    private static readonly ActivitySource Source = new("Rail.Railcards.Companion");
    private static readonly Meter Meter = new("Rail.Railcards.Companion");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("railcards.companion.checks");

    public async Task<bool> ValidateAsync(RailcardTicket ticket, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("railcard.companion.validate");
        Baggage.SetBaggage("railcard.number", ticket.RailcardNumber); // leak TC1001 direct
        activity?.SetTag("ticket.id", ticket.TicketId); // clean precision-names
        activity?.SetTag("ticket.fare_code", ticket.FareCode); // clean precision-names
        activity?.SetTag("railcard.with_companion", ticket.WithCompanion); // clean precision-about
        activity?.SetTag("railcard.last4", ticket.RailcardNumber[^4..]); // clean precision-about
        activity?.SetTag("railcard.fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ticket.RailcardNumber)))[..12]); // leak TC1002 hashes
        activity?.SetTag("railcard.expired", ticket.RailcardExpiry < DateOnly.FromDateTime(DateTime.UtcNow)); // clean precision-about

        bool valid;
        try
        {
            valid = await registry.IsValidAsync(ticket.RailcardNumber, cancellationToken);
            if (!valid)
            {
                throw new ConcessionCardRejectedException(ticket.RailcardNumber, "DPRC");
            }
        }
        catch (ConcessionCardRejectedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("railcard.scheme", ex.Scheme); // clean exceptions
            logger.LogWarning("Railcard refused for {Holder}", pseudonymizer.ComputeRailassistPersonId(ticket.RailcardNumber)); // clean precision-pseudonym
            Checks.Add(1, new KeyValuePair<string, object?>("outcome", "refused"), new("railcard", ticket.RailcardNumber)); // leak TC1003 direct
            return false;
        }

        var summary = $"{ticket.HolderName} travelling {(ticket.WithCompanion ? "with" : "without")} companion from {ticket.OriginCrs}";
        logger.LogInformation("Companion discount accepted: {Summary}", summary); // leak TC1001 strings
        Checks.Add(1, new KeyValuePair<string, object?>("outcome", "accepted"), new("origin", ticket.OriginCrs)); // clean precision-names
        return true;
    }
}
