namespace PetCare.LostFound;

// The shapes of lost and found pet reports. Records print their members.

/// <summary>A lost pet report. Prints report id, chip number, the pet's name, species, colour, the district last seen in, and the owner's name and phone.</summary>
public sealed record LostPetReport(string ReportId, string? ChipNumber, string PetName, string Species, string Colour, string LastSeenDistrict, string OwnerName, string OwnerPhone);

/// <summary>A found animal report. Prints report id, species, colour, where it was found (latitude, longitude), the finder's phone and the chip number read.</summary>
public sealed record FoundPetReport(string ReportId, string Species, string Colour, double Latitude, double Longitude, string FinderPhone, string? ChipNumber);

/// <summary>A possible match between a lost and a found report. Prints both report ids and a score.</summary>
public sealed record ReunionMatch(string LostReportId, string FoundReportId, double Score);

/// <summary>No report with that id; quotes the report id.</summary>
public sealed class ReportNotFoundException(string reportId) : Exception($"No report {reportId}");

/// <summary>The finder's number is blocked for abuse; quotes the number.</summary>
public sealed class FinderBlockedException(string finderPhone) : Exception($"Finder {finderPhone} is blocked");
