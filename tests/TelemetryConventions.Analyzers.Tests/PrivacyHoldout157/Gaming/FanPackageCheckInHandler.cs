namespace PrivacyHoldout157.Gaming;

/// <summary>A fan's travel package: hotel nights and an event pass. Prints package id, fan id, email, badge handle, hotel and nights.</summary>
public sealed record FanPackage(string PackageId, Guid FanId, string Email, string BadgeHandle, string HotelCode, int Nights);

/// <summary>The deposit a package takes at check-in. Prints package id, card and cardholder.</summary>
public sealed record PackageDeposit(string PackageId, string CardNumber, string CardholderName, decimal Amount);

/// <summary>Checks fans in to the package hotel and takes the incidentals deposit.</summary>
public sealed class FanPackageCheckInHandler(IPaymentGateway payments, Pseudonymizer pseudonymizer, ILogger<FanPackageCheckInHandler> logger)
{
    private static readonly ActivitySource Source = new("Esports.FanPackages");
    private readonly HashSet<string> _declinedEmails = new();

    public async Task<bool> HandleAsync(FanPackage package, PackageDeposit deposit, CancellationToken cancellationToken)
    {
        using var span = Source.StartTeamhotelOperation("winter-major");
        span.SetTeamhotelFanId(pseudonymizer.PseudonymizeTeamhotelFanId(package.FanId.ToString())); // clean precision-pseudonym
        span.SetTeamhotelNightCount(package.Nights); // clean precision-about
        Activity.Current?.SetTag("package.id", package.PackageId); // clean direct
        Activity.Current?.SetTag("package.hotel", package.HotelCode); // clean direct
        Activity.Current?.SetTag("package.badge", package.BadgeHandle); // leak TC1001 direct
        Activity.Current?.SetTag(TeamhotelAttributes.Contact, pseudonymizer.ComputeTeamhotelFanId(package.Email)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("package.card.last4", deposit.CardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("package.card", deposit.CardNumber); // leak TC1001 direct

        try
        {
            var result = await payments.AuthoriseAsync(new CardAuthorisation(package.PackageId, deposit.CardNumber, deposit.CardholderName, deposit.Amount), cancellationToken);
            logger.LogInformation("Deposit result {@Result}", result); // clean logging-objects
            if (!result.Approved)
            {
                _declinedEmails.Add(package.Email);
                throw new CardDeclinedException(deposit.CardNumber[^4..], result.DeclineCode);
            }

            if (!string.Equals(deposit.CardholderName.Split(' ')[^1], package.BadgeHandle, StringComparison.OrdinalIgnoreCase) && deposit.Amount > 200)
            {
                throw new CardholderMismatchException(deposit.CardholderName);
            }

            span.SetTeamhotelOutcome("checked-in");
            return true;
        }
        catch (CardDeclinedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogTeamhotelOperationFailedEvent("winter-major", "declined", teamhotelNote: ex.Message); // clean generated-api
            return false;
        }
        catch (CardholderMismatchException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogTeamhotelOperationFailedEvent("winter-major", "cardholder", teamhotelNote: $"Package {package.PackageId}: {ex.Message}"); // leak TC1001 generated-api
            logger.LogWarning("Cardholder mismatch on {Package} ({Type})", package.PackageId, ex.GetType().Name); // clean exceptions
            return false;
        }
    }

    public void ReportDeclines()
    {
        logger.LogInformation("Fans with declined deposits: {Emails}", string.Join(",", _declinedEmails)); // leak TC1001 cross-member
        logger.LogInformation("Declined deposits from {Domains}", string.Join(",", _declinedEmails.Select(e => e[(e.IndexOf('@') + 1)..]).Distinct())); // clean precision-about
    }
}
