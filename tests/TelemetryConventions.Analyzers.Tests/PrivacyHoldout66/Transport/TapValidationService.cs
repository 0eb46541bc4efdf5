using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout66.Transport;

public sealed class CardHotlistedException(string cardNumber, string list)
    : Exception($"Card {cardNumber} is on the {list} hotlist.")
{
    public string List { get; } = list;
}

public sealed class InsufficientBalanceException(decimal balance, decimal fare)
    : Exception($"Balance {balance:C} is below the fare {fare:C}.");

public interface ICardAccounts
{
    decimal BalanceOf(string cardNumber);

    string? RiderEmailFor(string cardNumber);
}

/// <summary>Validates taps at the gates: hotlist, balance, then the metrics and the gate span.</summary>
public sealed class TapValidationService(
    GateMetrics metrics,
    ICardAccounts accounts,
    IReadOnlySet<string> hotlist,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TapValidationService> logger)
{
    private static readonly ActivitySource Source = new("Transit.Gates");

    public bool Validate(Tap tap, decimal fare)
    {
        var stopwatch = ValueStopwatch.StartNew();
        using var span = Source.StartFaresTap(tap.StationCode)
            .SetFaresGate(tap.GateId)
            .SetFaresProduct(tap.Product)
            .SetFaresCardId(pseudonymizer.PseudonymizeFaresCardId(tap.CardNumber)); // clean precision-pseudonym
        try
        {
            if (hotlist.Contains(tap.CardNumber))
            {
                throw new CardHotlistedException(tap.CardNumber, "stolen");
            }
            var balance = accounts.BalanceOf(tap.CardNumber);
            if (balance < fare)
            {
                throw new InsufficientBalanceException(balance, fare);
            }

            metrics.Entered(tap);
            metrics.Tapped(tap, "open", stopwatch.GetElapsedTime());
            span.SetFaresOutcome("open"); // clean generated-api
            span.Activity?.SetTag("fares.card.masked", $"{tap.CardNumber[..6]}******{tap.CardNumber[^4..]}"); // clean precision-about
            span.Activity?.SetTag("fares.balance.band", Buckets.Of((double)balance, 5, 20, 50)); // clean precision-about
            span.Activity?.SetTag("fares.rider", tap.RiderId); // leak TC1001 direct
            span.Activity?.SetTag("fares.card.bucket", BitConverter.ToUInt32(MD5.HashData(Encoding.ASCII.GetBytes(tap.CardNumber)), 0) % 50); // leak TC1002 hashes
            span.Activity?.SetTag("fares.card.lane", KeyedShard.Of(secrets.ShardKey, tap.CardNumber, 4)); // clean hashes
            return true;
        }
        catch (CardHotlistedException ex)
        {
            metrics.Tapped(tap, $"refused:{ex.List}", stopwatch.GetElapsedTime()); // clean direct
            metrics.Refused(tap, ex.Message); // leak TC1003 exceptions
            span.SetFaresOutcome("refused:blocked").RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogFaresRefusedEvent(tap.StationCode, pseudonymizer.PseudonymizeFaresCardId(tap.CardNumber), faresOutcome: "refused:blocked"); // clean generated-api
            NotifyRider(tap);
            return false;
        }
        catch (InsufficientBalanceException ex)
        {
            metrics.Tapped(tap, "refused:balance", stopwatch.GetElapsedTime()); // clean direct
            metrics.Refused(tap, ex.Message); // clean exceptions
            logger.LogInformation(ex, "Refused at {Gate}", tap.GateId); // clean exceptions
            logger.LogFaresRefusedEvent(tap.StationCode, faresOutcome: $"refused:balance:{tap.CardNumber}"); // leak TC1001 generated-api
            return false;
        }
    }

    private void NotifyRider(Tap tap)
    {
        var email = accounts.RiderEmailFor(tap.CardNumber);
        if (email is not null)
        {
            logger.LogInformation("Hotlist notice queued for {Attribute}", FaresAttributes.RiderEmail); // clean precision-names
            logger.LogInformation("Hotlist notice queued for {RiderEmail}", email); // leak TC1001 direct
            metrics.Meter.CreateCounter<long>("gates.hotlist.notices").Add(1, new KeyValuePair<string, object?>("email.domain", email.Split('@')[1])); // clean precision-about
        }
    }
}
