namespace Border.Productions;

// A broadcaster's crews abroad, kit at the border and protected contributors.

/// <summary>A crew member. Prints crew id, full name, passport number, nationality and role.</summary>
public sealed record CrewMember(string CrewId, string FullName, string PassportNumber, string Nationality, string Role);

/// <summary>An ATA carnet for a production's kit. Prints carnet number, production and the number of items.</summary>
public sealed record Carnet(string CarnetNumber, string ProductionId, int Items);

/// <summary>A contributor to an asylum story. Prints contributor id, name, whether to anonymise and the story.</summary>
public sealed record Contributor(string ContributorId, string Name, bool Anonymise, string StoryId);

public interface IPermitAgent
{
    Task<string> ApplyAsync(CrewMember member, string country, CancellationToken cancellationToken = default);
}

/// <summary>The permit was refused; quotes the crew member's passport.</summary>
public sealed class PermitRefusedException(string passportNumber, string country) : Exception($"Permit refused for passport {passportNumber} to {country}");

/// <summary>Customs held the kit; quotes the carnet.</summary>
public sealed class CarnetHeldException(string carnetNumber) : Exception($"Carnet {carnetNumber} held at customs");
