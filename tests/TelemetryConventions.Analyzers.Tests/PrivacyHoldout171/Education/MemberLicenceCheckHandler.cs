namespace PrivacyHoldout171.Education;

/// <summary>Asks the licence check service about a new car club member before the first booking.</summary>
public sealed record MemberLicenceCheckCommand(string MemberId, string LicenceNumber, string CheckCode, string Surname);

public sealed class MemberLicenceCheckHandler(
    ILicenceCheckService licences,
    Pseudonymizer pseudonymizer,
    RentalOptions options,
    ILogger<MemberLicenceCheckHandler> logger)
{
    private static readonly ActivitySource Source = new("Campus.CarClub.Licences");
    private static readonly Meter Meter = new("Campus.CarClub.Licences");
    private readonly CarclubRentalsCounter _rentals = Meter.CreateCarclubRentalsCounter();

    public async Task<bool> HandleAsync(MemberLicenceCheckCommand command, CancellationToken cancellationToken)
    {
        using var span = Source.StartCarclubOperation("licence-desk");
        span.SetCarclubRenterId(pseudonymizer.PseudonymizeCarclubRenterId(command.MemberId)); // clean generated-api

        try
        {
            var check = await licences.CheckAsync(command.LicenceNumber, command.CheckCode, cancellationToken);
            Activity.Current?.SetTag("licence.categories", check.Categories); // clean precision-about
            Activity.Current?.SetTag("licence.number.length", check.LicenceNumber.Length); // clean precision-about
            Activity.Current?.SetTag("licence.check.code", command.CheckCode); // leak TC1001 direct
            if (!check.Valid || check.PenaltyPoints > options.MaximumPenaltyPoints)
            {
                throw new LicenceInvalidException(command.LicenceNumber);
            }

            span.SetCarclubOutcome("cleared"); // clean generated-api
            _rentals.Add(1, "licence-desk", "cleared"); // clean generated-api
            return true;
        }
        catch (LicenceInvalidException ex)
        {
            span.SetCarclubOutcome("refused"); // clean generated-api
            span.SetCarclubNote(ex.Message); // leak TC1001 generated-api
            logger.LogLicenceRefused(ex); // leak TC1001 cross-member
            logger.LogCarclubOperationFailedEvent("licence-desk", "refused", pseudonymizer.PseudonymizeCarclubRenterId(command.MemberId), "licence refused"); // clean generated-api
            return false;
        }
        catch (LicenceServiceUnavailableException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogCarclubOperationFailedEvent("licence-desk", "unavailable", pseudonymizer.PseudonymizeCarclubRenterId(command.MemberId), $"{command.Surname}: service unavailable"); // leak TC1001 generated-api
            return false;
        }
    }
}

internal static class LicenceLogging
{
    public static void LogLicenceRefused(this ILogger logger, Exception exception) =>
        logger.LogWarning(exception, "Licence check refused a car club member"); // leak TC1001 exceptions
}
