#nullable disable
using System;
using System.Collections;
using System.Diagnostics;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout28.Education;

public class Gradebook
{
    // "studentNumber|courseCode" -> grade
    private readonly Hashtable _grades = new Hashtable();

    public event EventHandler<GradeChangedEventArgs> GradeChanged;

    public void SetGrade(string studentNumber, string courseCode, string grade, string markedBy)
    {
        string key = studentNumber + "|" + courseCode;
        string old = (string)_grades[key];
        _grades[key] = grade;
        OnGradeChanged(new GradeChangedEventArgs { StudentNumber = studentNumber, CourseCode = courseCode, OldGrade = old, NewGrade = grade, ChangedBy = markedBy });
    }

    public bool TryGetGrade(string studentNumber, string courseCode, out string grade)
    {
        grade = (string)_grades[studentNumber + "|" + courseCode];
        return grade != null;
    }

    protected virtual void OnGradeChanged(GradeChangedEventArgs e)
    {
        EventHandler<GradeChangedEventArgs> handler = GradeChanged;
        if (handler != null)
        {
            handler(this, e);
        }
    }
}

/// <summary>Grades changed after the board has met go to the moderation queue.</summary>
public class ModerationGradebook : Gradebook
{
    protected override void OnGradeChanged(GradeChangedEventArgs e)
    {
        if (e.OldGrade != null)
        {
            Log.Info("Grade change " + e + " queued for moderation"); // leak TC1001 logging-objects
        }

        base.OnGradeChanged(e);
    }
}

public class GradeChangeTracer
{
    private readonly Pseudonymizer _pseudonymizer;

    public GradeChangeTracer(Pseudonymizer pseudonymizer)
    {
        _pseudonymizer = pseudonymizer;
    }

    public void Attach(Gradebook book)
    {
        book.GradeChanged += Book_GradeChanged;
    }

    private void Book_GradeChanged(object sender, GradeChangedEventArgs e)
    {
        Activity activity = Activity.Current;
        if (activity == null)
        {
            return;
        }

        activity.SetTag("gradebook.course", e.CourseCode);
        activity.SetTag("gradebook.grade.regraded", e.OldGrade != null && e.OldGrade != e.NewGrade); // clean precision-about
        activity.SetTag("gradebook.changed_by", e.ChangedBy); // leak TC1001 direct
        activity.AddEvent(new ActivityEvent("grade.changed", tags: new ActivityTagsCollection { { "student", _pseudonymizer.ComputeLegacySubjectId(e.StudentNumber) }, { "course", e.CourseCode } })); // clean precision-pseudonym
    }
}
