namespace Trialwise.Randomisation;

// The shapes of an interactive web response system (IWRS): randomisation, kits, unblinding.

/// <summary>A request to randomise. Prints the study, the participant's study number, the site and the stratum.</summary>
public sealed record RandomisationRequest(string StudyCode, string StudyNumber, string SiteCode, string Stratum);

/// <summary>The allocation returned. Prints the randomisation number given to the participant, the arm, the kit to dispense and the stratum.</summary>
public sealed record Allocation(string RandomisationNumber, string Arm, string KitNumber, string Stratum);

/// <summary>A kit shipped to a site. Prints the kit number, the depot, the site and the expiry.</summary>
public sealed record KitShipment(string KitNumber, string DepotCode, string SiteCode, DateOnly Expiry);

/// <summary>An emergency unblinding request. Prints the participant's study number, the requesting clinician's name and the reason code.</summary>
public sealed record UnblindingRequest(string StudyNumber, string RequestedBy, string ReasonCode);

public interface IIwrsClient
{
    Task<Allocation> RandomiseAsync(RandomisationRequest request, CancellationToken cancellationToken = default);

    Task<string> UnblindAsync(UnblindingRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<KitShipment>> ShipmentsAsync(string siteCode, CancellationToken cancellationToken = default);
}

/// <summary>The stratum has reached its cap; the message quotes the stratum and the cap.</summary>
public sealed class StratumFullException(string stratum, int cap) : Exception($"Stratum {stratum} is full ({cap})")
{
    public string Stratum { get; } = stratum;
}

/// <summary>The participant was randomised before; the message quotes the study number and the randomisation number.</summary>
public sealed class AlreadyRandomisedException(string studyNumber, string randomisationNumber)
    : Exception($"Participant {studyNumber} already randomised as {randomisationNumber}");

/// <summary>No kit is left at the site; the message quotes the site and the arm's pack type.</summary>
public sealed class KitStockException(string siteCode, string packType) : Exception($"No {packType} kits left at site {siteCode}");
