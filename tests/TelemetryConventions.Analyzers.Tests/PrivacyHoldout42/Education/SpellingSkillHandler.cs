using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout42.Support.Voice;
using TelemetryConventions;

namespace PrivacyHoldout42.Education;

/// <summary>A learner linked to the skill through the school platform's account linking.</summary>
public sealed record LinkedLearner(string StudentNumber, string DisplayName, string YearGroup, string SchoolUrn);

public interface ILearnerDirectory
{
    /// <summary>The learners the linked (parent's) account may practise as, first the default one.</summary>
    Task<IReadOnlyList<LinkedLearner>> LearnersForAsync(string accessToken, CancellationToken cancellationToken);
}

public interface IWordLists
{
    Task<IReadOnlyList<string>> WordsAsync(string listId, CancellationToken cancellationToken);
}

public sealed class LearnerNotLinkedException(string skillUserId)
    : Exception($"No learner is linked to skill user {skillUserId}");

/// <summary>The "Spelling Bee" skill: a household's smart speaker, shared by siblings, practising the school's word lists.</summary>
public sealed class SpellingSkillHandler(
    ILearnerDirectory directory,
    IWordLists lists,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<SpellingSkillHandler> logger)
{
    private readonly Counter<long> _intents = meter.CreateCounter<long>("skill.intents", "{intent}");

    public async Task<SkillResponse> HandleAsync(SkillRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("skill.id", request.Session.Application.ApplicationId); // clean precision-names
        activity?.SetTag("skill.request.type", request.Request.Type);
        activity?.SetTag("skill.user", request.Session.User.UserId); // leak TC1001 direct
        activity?.SetTag("skill.device", request.Context.System.Device.DeviceId); // leak TC1001 direct
        activity?.SetTag("skill.account_linked", request.Session.User.AccessToken is not null); // clean precision-about
        if (request.Context.System.Person is { } person)
        {
            activity?.SetBaggage("skill.person", person.PersonId); // leak TC1001 direct
        }

        if (request.Request is not IntentRequest intentRequest)
        {
            return SkillResponse.Ask("Welcome to Spelling Bee. Which list shall we practise?");
        }

        var intent = intentRequest.Intent;
        _intents.Add(1, new KeyValuePair<string, object?>("skill.intent", intent.Name), new KeyValuePair<string, object?>("skill.locale", intentRequest.Locale)); // clean precision-names

        IReadOnlyList<LinkedLearner> learners;
        try
        {
            learners = await LearnersAsync(request.Session.User, cancellationToken);
        }
        catch (LearnerNotLinkedException ex)
        {
            logger.LogWarning(ex, "Spelling practice asked for without a linked learner"); // leak TC1001 exceptions
            return SkillResponse.Tell("Please link your school account in the Spelling Bee app first.");
        }

        var learner = learners[0];
        activity?.SetTag("learner.year_group", learner.YearGroup); // clean precision-names
        activity?.SetTag("learner.ref", pseudonymizer.Compute("learner.student_number", learner.StudentNumber)); // clean precision-pseudonym
        activity?.SetTag("household.learners", learners.Count); // clean precision-about

        switch (intent.Name)
        {
            case "StartPracticeIntent":
            {
                var resolved = intent.Slots["WordList"].Resolution?.Authorities
                    .FirstOrDefault(a => a.StatusCode == "ER_SUCCESS_MATCH")?.Values.FirstOrDefault();
                if (resolved is null)
                {
                    return SkillResponse.Ask("Sorry, I don't know that list. Try 'year four list two'.");
                }

                activity?.SetTag("spelling.list", resolved.Id); // clean precision-about
                var words = await lists.WordsAsync(resolved.Id, cancellationToken);
                logger.LogInformation("{Learner} started list {List} ({Words} words)", learner.DisplayName, resolved.Id, words.Count); // leak TC1001 direct
                return SkillResponse.Ask($"Great, {learner.DisplayName}. Spell {words[0]}.");
            }

            case "WhoIsPractisingIntent":
            {
                // Siblings share the speaker: "Alexa, tell Spelling Bee it's Maya".
                var heardName = intent.Slots["FirstName"].Value ?? string.Empty;
                var match = learners.FirstOrDefault(l => l.DisplayName.StartsWith(heardName, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    logger.LogInformation("No learner in the household matches {HeardName}", heardName); // leak TC1001 direct
                    return SkillResponse.Ask("Who is practising today?");
                }

                activity?.SetTag("learner.switched", true); // clean precision-about
                activity?.SetTag("learner.switched_to", match.StudentNumber); // leak TC1001 direct
                return SkillResponse.Ask($"Hi {match.DisplayName}! Which list?");
            }

            default:
                logger.LogDebug("Unhandled intent {Intent} in {DialogState}", intent.Name, intentRequest.DialogState); // clean precision-names
                return SkillResponse.Tell("Goodbye!");
        }
    }

    private async Task<IReadOnlyList<LinkedLearner>> LearnersAsync(User user, CancellationToken cancellationToken)
    {
        if (user.AccessToken is null)
        {
            throw new LearnerNotLinkedException(user.UserId);
        }

        var learners = await directory.LearnersForAsync(user.AccessToken, cancellationToken);
        return learners.Count > 0 ? learners : throw new LearnerNotLinkedException(user.UserId);
    }
}
