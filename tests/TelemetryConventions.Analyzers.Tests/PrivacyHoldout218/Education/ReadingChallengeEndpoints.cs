namespace PrivacyHoldout218.Education;

/// <summary>The council's summer reading challenge, run with its schools: children sign up with a library card, log books and earn medals.</summary>
public static partial class ReadingChallengeEndpoints
{
    private static readonly ActivitySource Source = new("PrivacyHoldout218.Education.ReadingChallenge");
    private static readonly Meter Meter = new("PrivacyHoldout218.Education.ReadingChallenge");
    private static readonly Counter<long> BooksLogged = Meter.CreateCounter<long>("readquest.books.logged");
    private static readonly Histogram<int> BooksPerChild = Meter.CreateHistogram<int>("readquest.books.per_child");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/challenge/entries", SignUpAsync);
        routes.MapPost("/challenge/entries/{entryId}/books", LogBookAsync);
    }

    public static async Task<ActionResult> SignUpAsync(ChallengeEntry entry, ILibraryStore store, Pseudonymizer pseudonymizer, ILogger<ChallengeLog> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartReadquestOperation(entry.SchoolName);
        var activity = Activity.Current;
        activity?.SetTag("readquest.entry.id", entry.EntryId); // clean precision-names
        activity?.SetTag("readquest.school", entry.SchoolName); // clean precision-names
        activity?.SetTag("readquest.child.card", entry.ChildCardNumber); // leak TC1001 direct
        activity?.SetTag("readquest.child.first_name", entry.ChildFirstName); // leak TC1001 direct
        activity?.SetTag("readquest.parent.email", entry.ParentEmail); // leak TC1001 direct
        activity?.SetTag("readquest.parent.email_domain", entry.ParentEmail[(entry.ParentEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("readquest.parent.email_provided", !string.IsNullOrEmpty(entry.ParentEmail)); // clean precision-about
        activity?.SetTag("readquest.child.name_length", entry.ChildFirstName.Length); // clean precision-about
        span.SetReadquestMemberId(pseudonymizer.PseudonymizeReadquestMemberId(entry.ChildCardNumber)); // clean generated-api
        span.SetReadquestFormat("reading-challenge"); // clean generated-api
        span.SetReadquestNote(string.Format("signed up {0} from {1}", entry.ChildFirstName, entry.SchoolName)); // leak TC1001 generated-api
        span.SetReadquestNote($"signed up entry {entry.EntryId} at {entry.SchoolName}"); // clean generated-api
        var welcome = new StringBuilder();
        welcome.Append("Welcome pack for ").Append(entry.ChildFirstName).Append(", parent ").Append(entry.ParentEmail);
        activity?.AddEvent(new ActivityEvent(welcome.ToString())); // leak TC1001 strings
        var packLabel = new StringBuilder("pack:").Append(entry.SchoolName).Append(':').Append(entry.BooksRead);
        activity?.SetTag("readquest.pack.label", packLabel.ToString()); // clean strings
        logger.LogInformation("Entry {EntryId} signed up at {School}", entry.EntryId, entry.SchoolName); // clean precision-names
        logger.LogInformation("Entry signed up {Entry}", entry); // leak TC1001 logging-objects
        logger.LogInformation("Entry signed up {@Entry}", new { entry.EntryId, entry.ChildFirstName }); // leak TC1001 logging-objects
        logger.LogInformation("Entry signed up {@Entry}", new { entry.EntryId, entry.SchoolName, entry.BooksRead }); // clean logging-objects
        LogSignUp(logger, entry.ChildCardNumber, entry.ParentEmail, entry.SchoolName); // clean logging-objects
        BooksLogged.Add(0, new KeyValuePair<string, object?>("readquest.school", entry.SchoolName)); // clean precision-names
        BooksLogged.Add(0, new KeyValuePair<string, object?>("readquest.child", entry.ChildCardNumber)); // leak TC1003 direct
        try
        {
            await store.SaveEntryAsync(entry, cancellationToken);
        }
        catch (MemberBlockedException ex)
        {
            logger.LogError(ex, "Sign-up refused for entry {EntryId}", entry.EntryId); // leak TC1001 exceptions
            span.RecordException(ex, "member blocked"); // clean exceptions
            return BadRequestFor("blocked");
        }

        return OkFor(entry.EntryId);
    }

    public static async Task<ActionResult> LogBookAsync(string entryId, string childCardNumber, string isbn, ILibraryStore store, Pseudonymizer pseudonymizer, ILogger<ChallengeLog> logger, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var child = ChildKey(childCardNumber);
        activity?.SetTag("readquest.entry.id", entryId); // clean precision-names
        activity?.SetTag("readquest.book.isbn", isbn); // clean precision-names
        activity?.SetTag("readquest.child.key", child); // leak TC1001 cross-member
        activity?.SetTag("readquest.child.digest", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(childCardNumber)))); // leak TC1002 hashes
        activity?.SetTag("readquest.isbn.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(isbn)))); // clean hashes
        activity?.SetTag("readquest.child.pseudonym", pseudonymizer.ComputeReadquestMemberId(childCardNumber)); // clean precision-pseudonym
        var history = await store.HistoryAsync(childCardNumber, cancellationToken);
        activity?.SetTag("readquest.books.read", history.Count); // clean precision-about
        BooksPerChild.Record(history.Count, new KeyValuePair<string, object?>("readquest.child", pseudonymizer.ComputeReadquestMemberId(childCardNumber))); // leak TC1003 precision-pseudonym
        BooksPerChild.Record(history.Count, new KeyValuePair<string, object?>("readquest.medal", history.Count >= 6 ? "gold" : "none")); // clean precision-about
        logger.LogInformation("Child {Child} logged {Isbn}", pseudonymizer.ComputeReadquestMemberId(childCardNumber), isbn); // clean precision-pseudonym
        logger.LogInformation("Child {ChildCard} logged {Isbn}", childCardNumber, isbn); // leak TC1001 direct
        logger.LogInformation("Reading list {Titles}", string.Join(", ", history.Select(h => h.Isbn))); // clean strings
        logger.LogInformation("Reading history {Lines}", history); // leak TC1001 logging-objects
        using (logger.BeginScope("Child {ChildCard}", childCardNumber)) // leak TC1001 direct
        {
            Meter.CreateReadquestOperationsCounter().Add(1, "school-run", readquestOutcome: "logged"); // clean generated-api
            Meter.CreateReadquestOperationDurationHistogram().Record(0.05, "school-run"); // clean generated-api
            logger.LogReadquestOperationFailedEvent("school-run", "no-history", readquestMemberId: pseudonymizer.PseudonymizeReadquestMemberId(childCardNumber)); // clean generated-api
            logger.LogReadquestOperationFailedEvent("school-run", childCardNumber); // leak TC1001 generated-api
        }

        return OkFor(history.Count);
    }

    private static string ChildKey(string childCardNumber) => "child-" + childCardNumber;

    private static ActionResult OkFor(object value) => new OkResult(value);

    private static ActionResult BadRequestFor(string detail) => new BadRequestResult(detail);

    [LoggerMessage(EventId = 2183, Level = LogLevel.Information, Message = "Child {ChildCardNumber} signed up by {ParentEmail} at {School}")]
    private static partial void LogSignUp(ILogger logger, [PrivateData] string childCardNumber, [PrivateData] string parentEmail, string school);
}

/// <summary>Category type for the challenge's logger.</summary>
public sealed class ChallengeLog;
