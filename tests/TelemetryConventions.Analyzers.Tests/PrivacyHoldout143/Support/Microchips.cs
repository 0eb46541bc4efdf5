namespace PetCare.Microchips;

// The shapes of the microchip databases (a national lookup over the compliant databases). Records print their members.

/// <summary>A microchip database record. Prints chip number, pet name, species, the keeper's name, phone and postcode, and the database.</summary>
public sealed record MicrochipRecord(string ChipNumber, string PetName, string Species, string KeeperName, string KeeperPhone, string KeeperPostcode, string Database);

/// <summary>The answer to a chip lookup, without the keeper. Prints the database, whether found, whether the keeper can be contacted and when the record was last updated.</summary>
public sealed record ChipLookup(string Database, bool Found, bool KeeperContactable, DateOnly? LastUpdated);

/// <summary>A chip read by a scanner. Prints the scanner, the chip number, the site and the time.</summary>
public sealed record ChipScan(string ScannerId, string ChipNumber, string Site, DateTimeOffset ScannedAt);

/// <summary>A change of keeper. Prints chip number, the previous and new keepers' names and the new keeper's email.</summary>
public sealed record KeeperTransfer(string ChipNumber, string PreviousKeeperName, string NewKeeperName, string NewKeeperEmail);

public interface IMicrochipDatabase
{
    Task<MicrochipRecord?> FindAsync(string chipNumber, CancellationToken cancellationToken = default);

    Task<ChipLookup> LookupAsync(string chipNumber, CancellationToken cancellationToken = default);

    Task TransferAsync(KeeperTransfer transfer, CancellationToken cancellationToken = default);
}

/// <summary>No database holds the chip; quotes the chip number.</summary>
public sealed class ChipNotRegisteredException(string chipNumber) : Exception($"Microchip {chipNumber} is not registered on any database");

/// <summary>A database did not answer; quotes the database.</summary>
public sealed class ChipDatabaseUnavailableException(string database) : Exception($"Microchip database {database} did not answer")
{
    public string Database { get; } = database;
}
