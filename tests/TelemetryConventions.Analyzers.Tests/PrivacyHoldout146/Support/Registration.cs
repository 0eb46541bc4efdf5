namespace LifeEvents.Registration;

// The register office and the Tell Us Once service that passes a death on to public bodies and suppliers.

/// <summary>A death registration passed on by Tell Us Once. Prints the reference, the deceased's name, National Insurance number, date of death, postcode and the informant's name and phone.</summary>
public sealed record DeathRegistration(string TellUsOnceReference, string DeceasedName, string NationalInsuranceNumber, DateOnly DateOfDeath, string Postcode, string InformantName, string InformantPhone);

/// <summary>What a service acknowledged to Tell Us Once. Prints receipt id, service, time and whether a record matched.</summary>
public sealed record NotificationReceipt(string ReceiptId, string Service, DateTimeOffset ReceivedAt, bool Matched);

/// <summary>The Tell Us Once gateway; not telemetry.</summary>
public interface ITellUsOnceGateway
{
    Task<NotificationReceipt> AcknowledgeAsync(string tellUsOnceReference, bool matched, CancellationToken cancellationToken = default);
}

/// <summary>Tell Us Once sent a reference the service does not know; quotes it.</summary>
public sealed class UnknownNotificationException(string tellUsOnceReference) : Exception($"Tell Us Once reference {tellUsOnceReference} matched no record");

/// <summary>The gateway refused an acknowledgement; quotes the service and a status.</summary>
public sealed class GatewayRejectedException(string service, int status) : Exception($"Tell Us Once gateway rejected {service} with status {status}")
{
    public int Status { get; } = status;
}
