namespace TherapyBilling.Rules;

/// <summary>What a <see cref="Fix"/> asks the EMR (or the biller) to change.</summary>
public enum FixAction
{
    /// <summary>Add <see cref="Fix.Modifier"/> to the line or segment at <see cref="Fix.Path"/>.</summary>
    AddModifier = 1,

    /// <summary>Remove <see cref="Fix.Modifier"/> from the line or segment at <see cref="Fix.Path"/>.</summary>
    RemoveModifier = 2,

    /// <summary>Move <see cref="Fix.Modifier"/> from the line at <see cref="Fix.Path"/> to the line at <see cref="Fix.TargetPath"/>.</summary>
    MoveModifier = 3,

    /// <summary>Bill <see cref="Fix.Units"/> units on the line at <see cref="Fix.Path"/>.</summary>
    ChangeUnits = 4,

    /// <summary>
    /// Split the line at <see cref="Fix.Path"/>: take <see cref="Fix.Units"/> of its units onto a new line of the same
    /// code with the same modifiers plus <see cref="Fix.Modifier"/>.
    /// </summary>
    SplitLine = 5,

    /// <summary>Correct the start and end times of the segment at <see cref="Fix.Path"/> (only offered where the data proves the right times).</summary>
    CorrectTimes = 6,

    /// <summary>Add the note element <see cref="Fix.Element"/> (only offered where the data proves what it must say).</summary>
    AddNoteElement = 7,
}
