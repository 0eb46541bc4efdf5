namespace CultureHub.Research;

// A hospital library's knowledge service: literature searches for clinicians, OpenAthens accounts, the ward book trolley.
// Records print their members.

/// <summary>A member of staff. Prints staff number, full name, email, department and grade.</summary>
public sealed record Clinician(string StaffNumber, string FullName, string Email, string Department, string Grade);

/// <summary>A literature search asked for. Prints request id, staff number, name, email, the clinical question, purpose, urgency and the headings (as their array type's name).</summary>
public sealed record LiteratureSearchRequest(
    string RequestId,
    string StaffNumber,
    string RequesterName,
    string RequesterEmail,
    string ClinicalQuestion,
    string Purpose,
    string Urgency,
    string[] MeshHeadings);

/// <summary>The search delivered. Prints request id, databases (as their array type's name), hits, included papers and turnaround.</summary>
public sealed record SearchResultPack(string RequestId, string[] Databases, int HitCount, int Included, TimeSpan Turnaround);

/// <summary>An OpenAthens account. Prints username, staff number and expiry.</summary>
public sealed record AthensAccount(string Username, string StaffNumber, DateOnly ExpiresOn);

/// <summary>A book lent to an inpatient from the ward trolley. Prints loan id, hospital number, patient's name, ward, item barcode and due date.</summary>
public sealed record WardLoan(string LoanId, string HospitalNumber, string PatientName, string Ward, string ItemBarcode, DateOnly DueBack);

/// <summary>A trolley round. Prints round id, ward, books out and books back.</summary>
public sealed record TrolleyRound(string RoundId, string Ward, int BooksOut, int BooksBack);

public interface IStaffDirectory
{
    Task<Clinician?> FindAsync(string staffNumber, CancellationToken cancellationToken = default);
}

/// <summary>The librarians' search queue; not telemetry.</summary>
public interface ISearchQueue
{
    Task<string> EnqueueAsync(LiteratureSearchRequest request, CancellationToken cancellationToken = default);

    Task<SearchResultPack> DeliverAsync(string requestId, CancellationToken cancellationToken = default);
}

/// <summary>The OpenAthens administration API; not telemetry.</summary>
public interface IAthensAdmin
{
    Task<AthensAccount> CreateAsync(string staffNumber, string email, CancellationToken cancellationToken = default);
}

/// <summary>The ward trolley's loan register; not telemetry.</summary>
public interface IWardLoanRegister
{
    Task<WardLoan> LendAsync(string hospitalNumber, string ward, string itemBarcode, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WardLoan>> OutstandingAsync(string ward, CancellationToken cancellationToken = default);
}

/// <summary>No member of staff with that number; quotes the staff number.</summary>
public sealed class ClinicianNotFoundException(string staffNumber) : Exception($"No member of staff {staffNumber}");

/// <summary>A bibliographic database did not answer; quotes the database.</summary>
public sealed class DatabaseUnavailableException(string database) : Exception($"{database} did not answer")
{
    public string Database { get; } = database;
}

/// <summary>The strategy returns too much to screen; quotes the hit count.</summary>
public sealed class SearchScopeTooBroadException(int hits) : Exception($"Search returned {hits} hits; narrow the question")
{
    public int Hits { get; } = hits;
}

/// <summary>The patient has left the ward; quotes the hospital number.</summary>
public sealed class PatientDischargedException(string hospitalNumber) : Exception($"Patient {hospitalNumber} has been discharged");

/// <summary>The ward is closed to the trolley; quotes the ward.</summary>
public sealed class WardClosedException(string ward) : Exception($"Ward {ward} is closed to the trolley (infection control)");
