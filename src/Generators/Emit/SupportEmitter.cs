using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators.Emit;

/// <summary>Helpers shared by every wrapper of the project (internal, so never a clash between assemblies).</summary>
internal static class SupportEmitter
{
    public const string HintName = "TelemetryConventionsSupport.g.cs";

    public static string Emit(GenerationOptions options)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer, options.Namespace);
        writer.Doc("summary", "Helpers for generated wrappers. Tag values are boxed once: the .NET tag APIs take <c>object</c>, and boxing on every call would allocate.");
        writer.Line(FileHeader.GeneratedCode);
        writer.Open($"internal static class {WrapperPlanner.SupportClass}");
        writer.Line("private const int CachedMaximum = 1023;");
        writer.Line("private static readonly object[] SmallIntegers = CreateSmallIntegers();");
        writer.Line();
        writer.Line("public static readonly object True = true;");
        writer.Line("public static readonly object False = false;");
        writer.Line();
        writer.Doc("summary", "A boxed integer; values 0 to 1023 (counts, status codes) come from a cache.");
        writer.Line("public static object Box(long value) => value >= 0 && value <= CachedMaximum ? SmallIntegers[value] : value;");
        writer.Line();
        writer.Open("private static object[] CreateSmallIntegers()");
        writer.Line("var values = new object[CachedMaximum + 1];");
        writer.Open("for (var i = 0; i < values.Length; i++)");
        writer.Line("values[i] = (long)i;");
        writer.Close();
        writer.Line("return values;");
        writer.Close();
        writer.Line();
        // Reads are lock-free; creation takes a lock so that two threads asking at once still create
        // one instrument (older DiagnosticSource versions would otherwise announce a second instrument
        // to every listener). ConditionalWeakTable.GetValue would not do: it may call the factory twice.
        writer.Doc("summary", "The meter's one wrapper from <paramref name=\"byMeter\"/>, made by <paramref name=\"create\"/> on first use; the table does not keep the meter alive.");
        writer.Open("public static TWrapper WrapperFor<TWrapper>(global::System.Runtime.CompilerServices.ConditionalWeakTable<global::System.Diagnostics.Metrics.Meter, TWrapper> byMeter, global::System.Diagnostics.Metrics.Meter meter, global::System.Func<global::System.Diagnostics.Metrics.Meter, TWrapper> create) where TWrapper : class");
        writer.Open("if (meter is null)");
        writer.Line("throw new global::System.ArgumentNullException(nameof(meter));");
        writer.Close();
        writer.Open("if (byMeter.TryGetValue(meter, out var wrapper))");
        writer.Line("return wrapper;");
        writer.Close();
        writer.Open("lock (byMeter)");
        writer.Open("if (!byMeter.TryGetValue(meter, out wrapper))");
        writer.Line("wrapper = create(meter);");
        writer.Line("byMeter.Add(meter, wrapper);");
        writer.Close();
        writer.Line("return wrapper;");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Doc("summary", "The <c>error.type</c> of an exception: its full type name, the same on spans and metrics.");
        writer.Line("public static string ErrorType(global::System.Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;");
        writer.Line();
        writer.Doc("summary", "Marks the span failed (the description, else the exception's type, as status description), sets <c>error.type</c>, and adds an <c>exception</c> event with the type and stack trace; the message only when asked, since messages often carry personal data.");
        writer.Open("public static void RecordException(global::System.Diagnostics.Activity? activity, global::System.Exception exception, string? description, bool includeMessage)");
        writer.Open("if (activity is null)");
        writer.Line("return;");
        writer.Close();
        writer.Line("var type = ErrorType(exception);");
        writer.Line("activity.SetStatus(global::System.Diagnostics.ActivityStatusCode.Error, description ?? type);");
        writer.Open("if (!activity.IsAllDataRequested)");
        writer.Line("return;");
        writer.Close();
        writer.Line("activity.SetTag(\"error.type\", type);");
        writer.Line("var tags = new global::System.Diagnostics.ActivityTagsCollection { { \"exception.type\", type } };");
        writer.Open("if (exception.StackTrace is { } stackTrace)");
        writer.Line("tags.Add(\"exception.stacktrace\", stackTrace);");
        writer.Close();
        writer.Open("if (includeMessage)");
        writer.Line("tags.Add(\"exception.message\", exception.Message);");
        writer.Close();
        writer.Line("activity.AddEvent(new global::System.Diagnostics.ActivityEvent(\"exception\", default, tags));");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
