namespace SafetyKit.Regulatory;

// Returns to regulators in the shape of RIDDOR's online forms (HSE), the ORR's safety returns and Ofsted's
// serious incident notifications.

public enum RiddorKind { SpecifiedInjury, OverSevenDay, MemberOfPublicToHospital, DangerousOccurrence, OccupationalDisease, Fatality }

/// <summary>A RIDDOR return: the injured person is named on it.</summary>
public sealed record RiddorReturn(string IncidentRef, RiddorKind Kind, string InjuredPersonName, string InjuredPersonAddress, string Occupation, string Site, DateTimeOffset OccurredAt);

public sealed record RegulatorReceipt(string RegulatorRef, string Regulator, DateTimeOffset ReceivedAt);

public interface IRegulatorGateway
{
    Task<RegulatorReceipt> SubmitRiddorAsync(RiddorReturn riddor, CancellationToken cancellationToken = default);
}

/// <summary>The regulator's form refused the return; the message quotes the form's reason code.</summary>
public sealed class ReturnRejectedException(string incidentRef, string reasonCode)
    : Exception($"Return for {incidentRef} rejected: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}
