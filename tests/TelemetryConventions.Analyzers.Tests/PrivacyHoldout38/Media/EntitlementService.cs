using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout38.Media;

public interface IEntitlements
{
    Task<bool> IsEntitledAsync(Guid profileId, string titleId, CancellationToken cancellationToken);
}

public sealed class EntitlementService(IEntitlements entitlements, ILogger<EntitlementService> logger, Pseudonymizer pseudonymizer)
{
    public async Task CheckAsync(Subscriber subscriber, ViewingProfile profile, string titleId, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichOperationRun("entitlement.check").SetPartyRole("viewer"); // clean precision-names
        Activity.Current?.SetTag(PartyAttributes.Contact, pseudonymizer.ComputePartyRef(subscriber.Email)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("subscriber.plan", subscriber.Plan); // clean precision-names

        try
        {
            if (!await entitlements.IsEntitledAsync(profile.ProfileId, titleId, cancellationToken))
            {
                throw new NotEntitledException(profile.Name, titleId);
            }
        }
        catch (NotEntitledException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogInformation("Not entitled: {ErrorType} for {TitleId}", ex.GetType().Name, titleId); // clean exceptions
        }
        catch (LicenceServerException ex)
        {
            logger.LogError(ex, "Licence server failed for {TitleId}", titleId); // clean exceptions
        }
    }

    public void Register(Subscriber subscriber, string deviceSerial)
    {
        var registration = new DeviceRegistration { Serial = deviceSerial, SubscriberId = subscriber.SubscriberId };
        var digest = Convert.ToHexString(SHA1.HashData(Encoding.ASCII.GetBytes(registration.Serial)));
        logger.LogInformation("Registered device {DeviceDigest}", digest); // leak TC1002 hashes
        logger.LogInformation("Registered a {Model} device on the {Plan} plan", registration.Model, subscriber.Plan); // clean precision-about
        logger.LogInformation("Registered {Registration}", registration); // leak TC1001 logging-objects
    }
}

/// <summary>A device registered to a subscriber's account; serials are stored upper-case.</summary>
public sealed record DeviceRegistration
{
    public required string Serial { get; init => field = value.Trim().ToUpperInvariant(); }

    public required Guid SubscriberId { get; init; }

    /// <summary>The first four characters of a serial name the model.</summary>
    public string Model => Serial.Length >= 4 ? Serial[..4] : "unknown";
}
