namespace Lingua.Interpreting;

/// <summary>An interpreter booking: booking id, interpreter id and name, the client's name and phone, language and start.</summary>
public sealed record InterpreterBooking(string BookingId, string InterpreterId, string InterpreterName, string ClientName, string ClientPhone, string Language, DateTimeOffset Start);

/// <summary>A translation job: job id, languages, word count, document title and the client's email.</summary>
public sealed record TranslationJob(string JobId, string SourceLanguage, string TargetLanguage, int WordCount, string DocumentTitle, string ClientEmail);

/// <summary>A job's progress; names no one.</summary>
public sealed record JobProgress(string JobId, int WordsDone, int WordsTotal);

/// <summary>A segment of an interpreted call: the speaker's role (customer, interpreter, adviser), the turn as said and its translation.</summary>
public sealed record CallSegment(string CallId, string Speaker, string SourceText, string TranslatedText);

public interface IInterpreterRoster
{
    Task<InterpreterBooking?> BookAsync(string language, DateTimeOffset start, CancellationToken cancellationToken = default);
}

public interface IMachineTranslator
{
    Task<string> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken = default);
}

/// <summary>No interpreter for a language; quotes the language and the hour.</summary>
public sealed class NoInterpreterException(string language, int hour) : Exception($"No {language} interpreter free at {hour}:00");

/// <summary>An interpreter declined; quotes the interpreter's name.</summary>
public sealed class InterpreterDeclinedException(string interpreterName) : Exception($"{interpreterName} declined the booking");

/// <summary>The machine translation provider rejected a request; quotes its status code only.</summary>
public sealed class TranslationProviderException(int status) : Exception($"Translation provider returned {status}");
