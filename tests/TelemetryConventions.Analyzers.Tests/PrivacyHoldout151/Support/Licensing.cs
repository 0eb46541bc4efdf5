namespace Welfare.Licensing;

// A broadcaster's TV licence concessions for Pension Credit and its jobs board.

/// <summary>A concession application. Prints application id, licence number, applicant's name, NINO, date of birth and postcode.</summary>
public sealed record ConcessionApplication(string ApplicationId, string LicenceNumber, string ApplicantName, string Nino, DateOnly DateOfBirth, string Postcode);

/// <summary>A Pension Credit confirmation. Prints check reference and whether confirmed.</summary>
public sealed record PensionCreditConfirmation(string CheckReference, bool Confirmed);

/// <summary>A job advert. Prints advert id, title, employer, region and salary.</summary>
public sealed record JobAdvert(string AdvertId, string Title, string Employer, string Region, decimal Salary);

/// <summary>An application to an advert. Prints application id, advert id, candidate's email and name and the cover letter.</summary>
public sealed record JobApplication(string ApplicationId, string AdvertId, string CandidateEmail, string CandidateName, string CoverLetter);

/// <summary>No licence with that number; quotes the licence number.</summary>
public sealed class LicenceNotFoundException(string licenceNumber) : Exception($"Licence {licenceNumber} not found");

/// <summary>The advert has expired; quotes the advert id.</summary>
public sealed class AdvertExpiredException(string advertId) : Exception($"Advert {advertId} has expired");
