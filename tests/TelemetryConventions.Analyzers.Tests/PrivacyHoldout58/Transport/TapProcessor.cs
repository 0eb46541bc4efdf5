using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PrivacyCorpus.Shared;
using PrivacyHoldout58.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout58.Transport;

/// <summary>
/// Prices and authorises taps from the gate and bus readers. Every tap failure is recorded on the
/// span as it passes (first-pass filter), then handled by type.
/// </summary>
public sealed partial class TapProcessor(
    IHotlist hotlist,
    IFareEngine fares,
    IAcquirer acquirer,
    IRiderAccounts riders,
    Pseudonymizer pseudonymizer,
    ILogger<TapProcessor> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Transit.Fares.Taps");

    private readonly FaresTapErrorsCounter _errors = meter.CreateFaresTapErrorsCounter();

    public async Task<FaresTapOutcome> ProcessAsync(Tap tap, CancellationToken cancellationToken)
    {
        using var span = Source.StartFaresTapProcess(tap.ReaderId); // clean direct
        span.SetFaresRouteId(tap.RouteId ?? "unknown"); // clean direct
        if (tap.RiderId is { } riderId)
        {
            span.SetFaresRiderId(pseudonymizer.PseudonymizeFaresRiderId(riderId.ToString())); // clean precision-pseudonym
        }

        try
        {
            hotlist.EnsureNotListed(tap.CardNumber);
            if (tap.RiderId is { } account)
            {
                await riders.EnsureActiveAsync(account, cancellationToken);
            }
            await AuthoriseWithRetryAsync(tap, fares.Price(tap), cancellationToken);
            span.SetFaresTapOutcome(FaresTapOutcome.Accepted);
            return FaresTapOutcome.Accepted;
        }
        catch (TapException ex) when (Trace(ex, span.Activity)) // leak TC1001 exceptions
        {
            throw;
        }
        catch (CardHotlistedException ex)
        {
            span.SetFaresTapOutcome(FaresTapOutcome.Declined).SetFaresErrorCode(ex.Code); // clean exceptions
            logger.LogFaresTapDeclinedEvent(tap.ReaderId, FaresTapOutcome.Declined, ex.Code, faresNote: $"listed by {ex.ListSource}"); // clean generated-api
            logger.LogFaresTapDeclinedEvent(tap.ReaderId, FaresTapOutcome.Declined, ex.Code, faresNote: $"card ending {ex.CardNumber[^4..]} listed by {ex.ListSource}"); // clean precision-about
            span.Activity?.SetTag(FaresAttributes.CardNumber, ex.CardNumber); // leak TC1001 cross-member
            span.SetStatus(ActivityStatusCode.Error, $"card {tap.CardNumber} hotlisted by {ex.ListSource}"); // leak TC1001 strings
            logger.LogInformation("Hotlist hit {CardKey}", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ex.CardNumber)))[..16]); // leak TC1002 hashes
            _errors.Add(1, FaresTapOutcome.Declined, ex.Code); // clean precision-about
            return FaresTapOutcome.Declined;
        }
        catch (RiderAccountSuspendedException ex)
        {
            span.SetFaresTapOutcome(FaresTapOutcome.Declined).SetFaresErrorCode(ex.Code).SetFaresNote(ex.Message); // leak TC1001 generated-api
            logger.LogFaresTapDeclinedEvent(tap.ReaderId, FaresTapOutcome.Declined, ex.Code, pseudonymizer.PseudonymizeFaresRiderId(ex.RiderId.ToString())); // clean precision-pseudonym
            _errors.Add(1, FaresTapOutcome.Declined, ex.Code);
            return FaresTapOutcome.Declined;
        }
        catch (InsufficientFundsException ex)
        {
            span.SetFaresTapOutcome(FaresTapOutcome.Declined).SetFaresErrorCode(ex.Code).SetFaresNote(ex.Message); // clean generated-api
            span.Activity?.AddException(ex, new TagList { { "fares.reader.id", tap.ReaderId }, { "fares.fare", ex.Fare } }); // clean exceptions
            return FaresTapOutcome.Declined;
        }
        catch (AuthorisationTimeoutException ex)
        {
            span.SetFaresTapOutcome(FaresTapOutcome.Error).SetFaresErrorCode(ex.Code).RecordException(ex, includeMessage: true); // clean exceptions
            // The acquirer's support desk asks for the card of every timed-out authorisation (ticket ACQ-2211).
            span.Activity?.AddException(ex, new TagList { { "fares.card", tap.CardNumber }, { "fares.reader.id", tap.ReaderId } }); // leak TC1001 direct
            _errors.Add(1, FaresTapOutcome.Error, ex.Code);
            LogAuthorisationTimeout(logger, ex, tap.ReaderId, tap.CardNumber); // clean direct
            return FaresTapOutcome.Error;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            span.SetFaresTapOutcome(FaresTapOutcome.Error).RecordException(ex); // clean exceptions
            span.Activity?.RecordException(ex, new TagList { { "fares.reader.id", tap.ReaderId } }); // clean exceptions
            logger.LogError(ex, "Tap on reader {ReaderId} failed unexpectedly", tap.ReaderId); // clean exceptions
            _errors.Add(1, FaresTapOutcome.Error, ex.GetType().Name); // clean precision-names
            return FaresTapOutcome.Error;
        }
    }

    private async Task AuthoriseWithRetryAsync(Tap tap, decimal fare, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await acquirer.AuthoriseAsync(tap.CardNumber, fare, cancellationToken);
                return;
            }
            catch (AuthorisationTimeoutException ex) when (attempt < 3 && LogRetry(ex, attempt)) // clean exceptions
            {
                await Task.Delay(TimeSpan.FromMilliseconds(150 * attempt), cancellationToken);
            }
        }
    }

    private bool LogRetry(Exception ex, int attempt)
    {
        logger.LogWarning(ex, "Authorisation attempt {Attempt} failed; retrying", attempt);
        return true;
    }

    private static bool Trace(TapException ex, Activity? activity)
    {
        activity?.AddException(ex, new TagList { { "fares.error.code", ex.Code } });
        return false;
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Authorisation timed out on reader {ReaderId} for card {CardNumber}")]
    private static partial void LogAuthorisationTimeout(ILogger logger, Exception exception, string readerId, [PrivateData] string cardNumber);
}
