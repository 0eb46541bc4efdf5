namespace PrivacyHoldout124.Education;

/// <summary>One answer submitted during a live quiz in a lecture: the student number, the question, the choice and how fast.</summary>
public sealed record QuizAnswer(string QuizId, int Question, string StudentNumber, string Choice, TimeSpan Elapsed);

/// <summary>
/// Live quizzes in lectures (Kahoot-style): answers score points by speed, the running board is a Redis sorted
/// set keyed by student number, and the projector shows the top five by nickname.
/// </summary>
public sealed class LiveQuizLeaderboard(
    ILeaderboardStore board,
    ActivitySource source,
    ILogger<LiveQuizLeaderboard> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IReadOnlyDictionary<string, string> nicknames)
{
    private readonly QuizliveActionsCounter _actions = meter.CreateQuizliveActionsCounter();
    private readonly Histogram<double> _answerTime = meter.CreateHistogram<double>("quiz.answer.time", "s");

    public async Task ScoreAsync(string module, QuizAnswer answer, bool correct)
    {
        using var span = source.StartQuizliveLive(module);
        var points = correct ? Math.Max(100, 1000 - (int)(answer.Elapsed.TotalMilliseconds / 20)) : 0;
        var total = await board.IncrementAsync($"quiz:{answer.QuizId}", answer.StudentNumber, points);

        span.SetQuizliveItem($"{answer.QuizId}/q{answer.Question}"); // clean precision-names
        span.SetQuizliveStudentId(pseudonymizer.PseudonymizeQuizliveStudentId(answer.StudentNumber)); // clean precision-pseudonym
        _answerTime.Record(answer.Elapsed.TotalSeconds, new("quiz", answer.QuizId), new("correct", correct)); // clean precision-about
        _actions.Add(1, module, correct ? "correct" : "wrong"); // clean precision-about
        logger.LogDebug("Answer {@Answer} scored {Points}", answer, points); // leak TC1001 logging-objects
        logger.LogDebug("Q{Question} choice {Choice} in {Elapsed} ms, running total {Total}", answer.Question, answer.Choice, answer.Elapsed.TotalMilliseconds, total); // clean precision-about
    }

    public async Task ShowPodiumAsync(string module, string quizId)
    {
        using var span = source.StartQuizliveLive(module);
        var top = await board.RangeByRankAsync($"quiz:{quizId}", 0, 4);
        var size = await board.LengthAsync($"quiz:{quizId}");

        span.SetQuizliveQueueLength(size); // clean precision-about
        logger.LogInformation("Quiz {Quiz} podium {Top}", quizId, top); // leak TC1001 logging-objects
        logger.LogInformation("Quiz {Quiz} top score {Score}, fifth {Fifth}", quizId, top[0].Score, top[^1].Score); // clean precision-about
        var shown = top.Select(e => nicknames.TryGetValue(e.Element, out var nick) ? nick : "anonymous").ToList();
        span.Activity?.SetTag("quiz.podium.nicknames", string.Join(",", shown)); // leak TC1001 strings
        span.SetQuizliveNote($"winner {top[0].Element} with {top[0].Score}"); // leak TC1001 generated-api
    }

    public async Task<long?> MyRankAsync(string module, string quizId, string studentNumber)
    {
        var rank = await board.RankAsync($"quiz:{quizId}", studentNumber);
        logger.LogDebug("Rank lookup for {Board}: {Rank}", $"quiz:{quizId}", rank); // clean precision-names
        if (rank is null)
        {
            logger.LogQuizliveActionRejectedEvent(module, "not-on-board", pseudonymizer.PseudonymizeQuizliveStudentId(studentNumber)); // clean generated-api
            Activity.Current?.SetBaggage("quiz.student", studentNumber); // leak TC1001 direct
        }
        return rank;
    }
}
