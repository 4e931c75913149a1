"""The exercise library's shipped content, loaded once by migration 0002_seed_content.

Editors own the content after that: the migration never runs again, so their edits stay.
`load` only creates what is missing (matched by slug) and never changes an existing row.

Written from the team's content facts; where the seed article and the facts disagree,
the facts win (e.g. the doorway stretch opens the chest, a deadlift is strength work).
"""

# slug, name, found at home
EQUIPMENT = [
    ("mat", "Mat", True),
    ("chair", "Chair", True),
    ("foam-roller", "Foam roller", True),
    ("doorway", "Doorway", True),
    ("resistance-band", "Resistance band", True),
    ("stability-ball", "Stability ball", True),
    ("cable-machine", "Cable machine", False),
    ("rope-attachment", "Rope attachment", False),
    ("dumbbells", "Dumbbells", False),
    ("incline-bench", "Incline bench", False),
    ("t-bar-row-machine", "T-bar row machine", False),
    ("landmine", "Landmine", False),
    ("barbell", "Barbell", False),
    ("hyperextension-bench", "Hyperextension bench", False),
    ("pull-up-bar", "Pull-up bar", False),
]

# slug, name, body-map region (exercises.models.Region values), mid-back muscle
MUSCLES = [
    ("rhomboids", "Rhomboids", "rhomboids", True),
    ("middle-trapezius", "Middle trapezius", "mid-traps", True),
    ("lower-trapezius", "Lower trapezius", "lower-traps", True),
    ("rear-deltoids", "Rear deltoids", "rear-delts", True),
    ("latissimus-dorsi", "Latissimus dorsi (lats)", "lats", True),
    ("thoracic-erector-spinae", "Thoracic erector spinae", "thoracic-erectors", True),
    ("upper-trapezius", "Upper trapezius", "upper-traps", False),
    ("lumbar-erector-spinae", "Lumbar erector spinae", "lower-back", False),
    ("quadratus-lumborum", "Quadratus lumborum", "lower-back", False),
    ("obliques", "Obliques", "obliques", False),
    ("pectorals", "Pectorals (chest)", "chest", False),
    ("front-deltoids", "Front deltoids", "chest", False),
    ("biceps", "Biceps", "arms", False),
    (
        "external-rotators",
        "External rotators (infraspinatus and teres minor)",
        "rear-delts",
        False,
    ),
    ("glutes", "Glutes", "glutes", False),
    ("hamstrings", "Hamstrings", "legs", False),
]

MOBILITY = "mobility"
STRENGTH = "strength"

EXERCISES = [
    # ---- Stretches and mobility -------------------------------------------------------
    {
        "slug": "cat-cow",
        "name": "Cat-cow",
        "kind": MOBILITY,
        "level": "beginner",
        "summary": (
            "A slow, rhythmic movement on hands and knees that takes the whole spine from "
            "rounded to arched and back again. It wakes up the upper and lower back and is "
            "a gentle way to begin any session."
        ),
        "steps": [
            "Come onto your hands and knees on a mat, wrists under your shoulders and knees "
            "under your hips.",
            "Breathe out and round your back up toward the ceiling, letting your head and "
            "tailbone drop. This is the cat.",
            "Breathe in and let your belly sink as you lift your chest and tailbone and look "
            "a little forward. This is the cow.",
            "Keep moving between the two shapes slowly, letting the movement roll through "
            "the spine one section at a time.",
        ],
        "cues": [
            "Wrists under shoulders, knees under hips",
            "Breathe out to round, breathe in to arch",
            "Move one part of the spine after another, not all at once",
            "Keep it smooth and unhurried",
        ],
        "mistakes": [
            "Rushing through the cycles",
            "Bending only at the neck or lower back while the upper back stays still",
            "Holding your breath",
        ],
        "easier": "Sit on a chair with your hands on your knees and round and arch from there.",
        "harder": "Move more slowly and pause for a full breath at each end.",
        "safety_notes": (
            "Stay in a range that feels comfortable. If your wrists complain, rest on your "
            "fists or use the chair version."
        ),
        "sets": 1,
        "reps_min": 8,
        "reps_max": 10,
        "rest_seconds": 30,
        "equipment": [["mat"]],
        "primary": ["thoracic-erector-spinae"],
        "secondary": ["lumbar-erector-spinae"],
    },
    {
        "slug": "childs-pose",
        "name": "Child's pose",
        "kind": MOBILITY,
        "level": "beginner",
        "summary": (
            "A resting stretch: you sit back toward your heels with your arms reaching "
            "forward on the mat. It lengthens the lats and the muscles running along the "
            "spine, and it is a calm way to finish a session."
        ),
        "steps": [
            "Kneel on a mat, bring the big toes together and let the knees open to hip width "
            "or a little more.",
            "Sit your hips back toward your heels as far as is comfortable.",
            "Walk your hands forward and lower your chest between your knees, arms long and "
            "forehead resting on the mat.",
            "Breathe slowly, sending each breath into the back of your ribs, and hold.",
            "To come out, walk your hands back toward your knees and sit up slowly.",
        ],
        "cues": [
            "Big toes together, knees apart",
            "Hips sink toward the heels",
            "Arms stay long and reach forward",
            "Breathe into the back of your ribs",
        ],
        "mistakes": [
            "Forcing the hips down when the knees object",
            "Shrugging the shoulders up toward the ears",
            "Holding the breath instead of breathing slowly",
        ],
        "easier": "Put a pillow under your hips, or between your calves and thighs.",
        "harder": "Walk both hands over to one side to stretch along the other side of the back.",
        "safety_notes": "If kneeling hurts your knees, add padding or choose another stretch.",
        "sets": 2,
        "hold_seconds": 30,
        "rest_seconds": 15,
        "equipment": [["mat"]],
        "primary": ["latissimus-dorsi", "thoracic-erector-spinae"],
        "secondary": ["lumbar-erector-spinae"],
    },
    {
        "slug": "thoracic-extension",
        "name": "Thoracic extension (hands behind head)",
        "kind": MOBILITY,
        "level": "beginner",
        "summary": (
            "A gentle backward bend from the upper back while your hands support your head. "
            "It undoes some of the hunch that long hours of sitting build up, and it opens "
            "the front of the chest a little as well."
        ),
        "steps": [
            "Sit tall on a chair whose backrest reaches about the middle of your shoulder "
            "blades, feet flat on the floor.",
            "Lace your fingers behind your head to hold its weight, elbows pointing forward.",
            "Keeping your ribs down, lean your upper back over the top of the backrest and "
            "lift your chest toward the ceiling.",
            "Hold for a few seconds at the top, then return to sitting upright.",
        ],
        "cues": [
            "Let your hands carry the weight of your head",
            "Bend from the upper back, not the lower back",
            "Keep the ribs down",
            "Don't crank your neck back",
        ],
        "mistakes": [
            "Arching the lower back instead of the upper back",
            "Pulling on the head with the hands",
            "Bouncing at the end of the range",
        ],
        "easier": "Stay seated and simply lean back against the chair back a little at a time.",
        "harder": (
            "Lie with a foam roller across your upper back and bend back over it, moving "
            "the roller a little between reps."
        ),
        "safety_notes": (
            "Keep the foam roller under the upper back only, never under the lower back or "
            "neck. Stop if you feel pain or pins and needles in the neck or arms."
        ),
        "sets": 2,
        "reps_min": 8,
        "reps_max": 10,
        "hold_seconds": 3,
        "rest_seconds": 30,
        "equipment": [["chair"], ["foam-roller"]],
        "primary": ["thoracic-erector-spinae"],
        "secondary": ["pectorals"],
    },
    {
        "slug": "seated-spinal-twist",
        "name": "Seated spinal twist",
        "kind": MOBILITY,
        "level": "beginner",
        "summary": (
            "A seated twist that turns the upper back and stretches the sides of the body "
            "and the hips. Sitting tall before you turn lets the rotation come from the "
            "mid-back instead of the lower back."
        ),
        "steps": [
            "Sit on a mat with both legs straight out in front of you.",
            "Bend your right knee and set the right foot flat on the floor outside your left "
            "thigh.",
            "Sit up tall, then turn your chest toward the right knee. Hug the knee with your "
            "left arm and rest your right hand on the floor behind you.",
            "Breathe steadily, letting each breath out take you a little further into the "
            "turn, and hold.",
            "Unwind slowly and repeat on the other side.",
        ],
        "cues": [
            "Grow tall before you twist",
            "Turn toward the bent knee",
            "The opposite arm hugs the knee",
            "Keep breathing the whole time",
        ],
        "mistakes": [
            "Slumping while you turn",
            "Yanking on the knee to force a deeper twist",
            "Turning only the head and neck",
        ],
        "easier": "Do it sitting on a chair, turning to one side and holding the backrest.",
        "harder": "Hook your elbow outside the bent knee to turn a little further.",
        "safety_notes": "Twist gently. Ease off if you feel pain in the lower back.",
        "sets": 2,
        "hold_seconds": 30,
        "per_side": True,
        "rest_seconds": 15,
        "equipment": [["mat"]],
        "primary": ["thoracic-erector-spinae", "obliques"],
        "secondary": ["glutes"],
    },
    {
        "slug": "thread-the-needle",
        "name": "Thread the needle",
        "kind": MOBILITY,
        "level": "beginner",
        "summary": (
            "From hands and knees, one arm slides under your body and the shoulder sinks "
            "toward the floor. It rotates the upper back and stretches the rhomboids and "
            "the back of the shoulder."
        ),
        "steps": [
            "Start on your hands and knees, wrists under shoulders and knees under hips.",
            "Lift your right hand and slide it, palm up, under your chest and past your left arm.",
            "Let your right shoulder and the side of your head lower toward the mat while "
            "your hips stay over your knees.",
            "Pause, then unwind and reach back to the start. Finish the reps on one side "
            "before switching.",
        ],
        "cues": [
            "Hips stay over the knees",
            "Shoulder and side of the head sink toward the mat",
            "Let the upper back do the turning",
            "Breathe out as you reach through",
        ],
        "mistakes": [
            "Shifting the hips sideways or back",
            "Resting your weight on your neck",
            "Moving fast and bouncing at the end",
        ],
        "easier": "Reach only partway under your body, in a smaller range.",
        "harder": (
            "Add the open-book reach: after threading through, sweep the same arm up toward "
            "the ceiling and follow it with your eyes."
        ),
        "safety_notes": (
            "Keep your weight on the supporting arm and shoulder, not on your head and neck. "
            "You can also hold the threaded position for 20 to 30 seconds instead of "
            "doing reps."
        ),
        "sets": 2,
        "reps_min": 8,
        "reps_max": 10,
        "per_side": True,
        "rest_seconds": 15,
        "equipment": [["mat"]],
        "primary": ["rhomboids", "rear-deltoids"],
        "secondary": ["thoracic-erector-spinae", "middle-trapezius"],
    },
    {
        "slug": "side-bend",
        "name": "Side bend (lateral stretch)",
        "kind": MOBILITY,
        "level": "beginner",
        "summary": (
            "A standing stretch for the side of the body: one arm reaches up and over as "
            "you bend away from it. It lengthens the lats, the obliques and the deep muscle "
            "at the side of the lower back. No equipment needed."
        ),
        "steps": [
            "Stand tall with your feet about hip-width apart and your knees soft.",
            "Raise your right arm overhead and rest your left hand on your thigh.",
            "Bend over to the left, reaching the right arm up and over, until you feel a "
            "stretch along your right side.",
            "Hold while breathing steadily, then come back to standing and switch sides.",
        ],
        "cues": [
            "Reach up before you bend over",
            "Bend straight to the side, as if between two panes of glass",
            "Don't twist or lean forward",
            "Keep both feet planted",
        ],
        "mistakes": [
            "Turning the chest toward the floor",
            "Leaning forward or pushing the hips far out",
            "Holding your breath",
        ],
        "easier": "Do it seated on a chair with your feet flat.",
        "harder": "Hold a light weight in the lower hand.",
        "safety_notes": "",
        "sets": 2,
        "hold_seconds": 30,
        "per_side": True,
        "rest_seconds": 15,
        "equipment": [],
        "primary": ["latissimus-dorsi", "obliques"],
        "secondary": ["quadratus-lumborum"],
    },
    {
        "slug": "doorway-chest-stretch",
        "name": "Doorway chest stretch",
        "kind": MOBILITY,
        "level": "beginner",
        "summary": (
            "With your forearms on a door frame, you step through to open the chest and the "
            "front of the shoulders. It stretches the pectorals rather than the mid-back "
            "itself, but a looser chest lets your shoulder blades settle back where they "
            "belong."
        ),
        "steps": [
            "Stand in an open doorway and rest your forearms on the frame on each side, "
            "elbows at about shoulder height.",
            "Step one foot forward through the doorway.",
            "Shift your weight gently forward until you feel a stretch across the chest and "
            "the front of the shoulders.",
            "Stand tall, keep your neck relaxed and hold, breathing steadily.",
            "Step back out of the doorway to let go of the stretch.",
        ],
        "cues": [
            "Elbows at shoulder height",
            "Step through until the chest opens",
            "Stand tall without sagging in the lower back",
            "A stretch in the chest, never pain in the shoulder",
        ],
        "mistakes": [
            "Pushing on into pain at the front of the shoulder",
            "Arching the lower back to lean further",
            "Poking the head forward",
        ],
        "easier": "Stretch one arm at a time, standing side-on to the frame.",
        "harder": "Place the elbows a little higher on the frame.",
        "safety_notes": (
            "You should feel a stretch across the chest and no pain in the shoulder. Stop if "
            "the shoulder hurts or pinches, or if tingling runs down the arm."
        ),
        "sets": 2,
        "hold_seconds": 30,
        "rest_seconds": 15,
        "equipment": [["doorway"]],
        "primary": ["pectorals"],
        "secondary": ["front-deltoids"],
    },
    # ---- Strengthening ----------------------------------------------------------------
    {
        "slug": "wide-grip-lat-pulldown",
        "name": "Wide-grip lat pulldown",
        "kind": STRENGTH,
        "level": "beginner",
        "summary": (
            "A seated pull on a cable machine that brings a wide bar down to your upper "
            "chest. It builds the lats and the muscles between the shoulder blades, and it "
            "is a good step on the way to a pull-up."
        ),
        "steps": [
            "Set the thigh pad so it holds your legs snugly, then take the bar with a wide "
            "overhand grip, hands a little wider than your shoulders.",
            "Sit tall with your chest lifted and lean back only slightly.",
            "Draw your shoulder blades down and back, then pull the bar to your upper chest, "
            "leading with the elbows.",
            "Pause briefly, then let the bar rise under control until your arms are straight.",
        ],
        "cues": [
            "Wide overhand grip",
            "Chest up, lean back only a little",
            "Shoulder blades down and back first",
            "Bar to the upper chest",
            "Control the bar on the way up",
        ],
        "mistakes": [
            "Pulling the bar behind the neck",
            "Swinging the body back to move the weight",
            "Letting the bar yank the arms up at the top",
            "Shrugging the shoulders toward the ears",
        ],
        "easier": "A resistance-band pulldown, with the band anchored high above you.",
        "harder": "Take three or four seconds to let the bar back up.",
        "safety_notes": (
            "Always pull the bar in front of you to the upper chest, never behind the neck: "
            "that position strains the shoulders and neck. Use a weight you can control on "
            "every rep."
        ),
        "sets": 3,
        "reps_min": 8,
        "reps_max": 12,
        "rest_seconds": 75,
        "equipment": [["cable-machine"]],
        "primary": ["latissimus-dorsi"],
        "secondary": ["rhomboids", "middle-trapezius", "lower-trapezius", "biceps"],
    },
    {
        "slug": "row",
        "name": "Row (seated cable or dumbbell)",
        "kind": STRENGTH,
        "level": "beginner",
        "summary": (
            "A pull toward your lower ribs, done on a seated cable machine or with one "
            "dumbbell and a bench. It trains the rhomboids and middle trapezius that draw "
            "the shoulder blades together, the heart of most mid-back plans. At home a "
            "resistance band does the same job."
        ),
        "steps": [
            "Sit at the cable row with your feet on the platform and knees slightly bent. "
            "For the dumbbell version, put one knee and one hand on a bench and hold the "
            "dumbbell in the other hand.",
            "Set a neutral spine: chest up, back flat, shoulders away from your ears.",
            "Pull the handle or dumbbell toward your lower ribs, driving the elbow back "
            "close to your side.",
            "Squeeze your shoulder blades together and pause for a moment.",
            "Let the weight travel forward slowly until your arm is long again.",
        ],
        "cues": [
            "Neutral spine, chest up",
            "Pull toward the lower ribs",
            "Squeeze the shoulder blades together",
            "Pause, then return under control",
        ],
        "mistakes": [
            "Rocking the body back and forth to move the weight",
            "Rounding the back as the weight goes forward",
            "Pulling with the arms alone, without moving the shoulder blades",
            "Shrugging toward the ears",
        ],
        "easier": (
            "Band row: sit with your legs out, loop a band around your feet, or anchor it "
            "at chest height, and row."
        ),
        "harder": "Single-arm dumbbell row with a two-second pause at the top of each rep.",
        "safety_notes": (
            "Keep your back flat throughout. If your lower back aches, lighten the load or "
            "use the bench-supported dumbbell version."
        ),
        "sets": 3,
        "reps_min": 8,
        "reps_max": 12,
        "rest_seconds": 75,
        "equipment": [["cable-machine"], ["dumbbells"], ["resistance-band"]],
        "primary": ["rhomboids", "middle-trapezius", "latissimus-dorsi"],
        "secondary": ["rear-deltoids", "biceps"],
    },
    {
        "slug": "face-pull",
        "name": "Face pull",
        "kind": STRENGTH,
        "level": "beginner",
        "summary": (
            "A light pull toward your face with the elbows held high, using a cable and "
            "rope or a resistance band. It works the rear shoulders, the middle and lower "
            "trapezius and the small muscles that turn the arm outward, which together help "
            "keep the shoulders back."
        ),
        "steps": [
            "Set the cable pulley, or fix the band, at about head height. Hold the rope ends "
            "with your thumbs pointing back toward you.",
            "Step back until your arms are straight and there is tension on the cable, and "
            "stand tall.",
            "Pull the rope toward your face with your elbows high and out to the sides, "
            "drawing your hands apart as they come in.",
            "Squeeze your shoulder blades together at the end and pause.",
            "Let your arms straighten slowly, then repeat.",
        ],
        "cues": [
            "Anchor at about head height",
            "Elbows high, hands apart",
            "Pull toward your face, not your chest",
            "Squeeze the shoulder blades",
        ],
        "mistakes": [
            "Loading too much weight and leaning back to move it",
            "Letting the elbows drop so it turns into a row",
            "Rushing the return",
        ],
        "easier": "Use a light resistance band fixed to a door anchor or a sturdy post.",
        "harder": "Hold each rep for two seconds with the rope at your face.",
        "safety_notes": (
            "Keep it light: choose a weight or band you can pull with good form on every rep."
        ),
        "sets": 3,
        "reps_min": 12,
        "reps_max": 15,
        "rest_seconds": 60,
        "equipment": [["cable-machine", "rope-attachment"], ["resistance-band"]],
        "primary": ["rear-deltoids", "middle-trapezius"],
        "secondary": ["lower-trapezius", "external-rotators"],
    },
    {
        "slug": "t-bar-row",
        "name": "T-bar row",
        "kind": STRENGTH,
        "level": "intermediate",
        "summary": (
            "A heavy bent-over row on a T-bar machine or a barbell set in a landmine. It "
            "builds the whole mid-back and the lats while the muscles along your spine work "
            "hard to hold you steady, so it suits people who already row with good form."
        ),
        "steps": [
            "Stand over the bar with your feet about shoulder-width apart and take hold of "
            "the handles.",
            "Hinge at the hips with soft knees until your body leans well forward, back flat "
            "and chest up.",
            "Pull the bar toward your chest, keeping your elbows close to your body.",
            "Squeeze your shoulder blades together at the top, then lower under control "
            "until your arms are straight.",
        ],
        "cues": [
            "Hinge at the hips",
            "Flat back the whole time",
            "Pull to the chest",
            "Squeeze at the top",
            "Smooth reps, no jerking",
        ],
        "mistakes": [
            "Rounding the back",
            "Heaving the weight up with the legs and hips",
            "Standing more upright with every rep",
            "Loading more than you can hold with a flat back",
        ],
        "easier": "Chest-supported T-bar row, where a pad carries your upper body.",
        "harder": "Add weight, or take three seconds to lower the bar.",
        "safety_notes": (
            "Your lower back works hard to hold the hinge. Learn the movement with a light "
            "load, and end the set if your back starts to round or ache."
        ),
        "sets": 3,
        "reps_min": 8,
        "reps_max": 10,
        "rest_seconds": 90,
        "equipment": [["t-bar-row-machine"], ["landmine"]],
        "primary": ["latissimus-dorsi", "rhomboids", "middle-trapezius"],
        "secondary": ["rear-deltoids", "thoracic-erector-spinae", "lumbar-erector-spinae"],
    },
    {
        "slug": "reverse-fly",
        "name": "Reverse fly (chest-supported)",
        "kind": STRENGTH,
        "level": "beginner",
        "summary": (
            "Lying face down on an incline bench, you raise light dumbbells out to the "
            "sides. It focuses on the rear shoulders and the muscles between the shoulder "
            "blades. The lift is slow and controlled, never a swing."
        ),
        "steps": [
            "Set a bench to a low incline and lie face down with your chest on the pad, a "
            "light dumbbell in each hand hanging below your shoulders.",
            "Bend your elbows slightly and keep that bend throughout.",
            "Raise your arms out to the sides under control until they are about level with "
            "your body, squeezing your shoulder blades together.",
            "Pause at the top, then lower slowly to the start.",
        ],
        "cues": [
            "Chest stays on the pad",
            "Soft elbows that keep the same bend",
            "Lift out to the sides under control",
            "Lower more slowly than you lift",
        ],
        "mistakes": [
            "Swinging the dumbbells up with momentum",
            "Choosing weights that are too heavy",
            "Shrugging toward the ears",
            "Bending and straightening the elbows as you go",
        ],
        "easier": "Band pull-apart: hold a band at chest height with straight arms and pull "
        "it apart.",
        "harder": "Pause for two seconds at the top of each rep.",
        "safety_notes": "",
        "sets": 3,
        "reps_min": 10,
        "reps_max": 15,
        "rest_seconds": 60,
        "equipment": [["dumbbells", "incline-bench"]],
        "primary": ["rear-deltoids", "middle-trapezius", "rhomboids"],
        "secondary": [],
    },
    {
        "slug": "deadlift",
        "name": "Deadlift",
        "kind": STRENGTH,
        "level": "intermediate",
        "summary": (
            "Lifting a barbell from the floor to standing with a flat back. It is a "
            "strength exercise for the glutes, hamstrings and the muscles along the spine, "
            "while the traps and lats work hard to hold the back steady. Learn it with a "
            "light weight first."
        ),
        "steps": [
            "Stand with your feet about hip-width apart and the bar over the middle of your feet.",
            "Hinge at the hips and bend your knees to grip the bar just outside your legs, "
            "back flat and chest up.",
            "Tighten your lats to pull the bar in toward your shins, take a breath and brace "
            "your belly.",
            "Push the floor away with your legs and stand up, keeping the bar close to your body.",
            "Finish standing tall without leaning back, then lower the bar the same way, "
            "hips going back first.",
        ],
        "cues": [
            "Bar over the middle of the foot",
            "Flat back from start to finish",
            "Lats tight, bar close",
            "Push the floor away",
            "Stand tall; don't lean back at the top",
        ],
        "mistakes": [
            "Rounding the lower back",
            "Letting the bar drift away from the legs",
            "Jerking the bar off the floor",
            "Leaning back at the top",
            "Adding weight before the form is steady",
        ],
        "easier": "Kettlebell or dumbbell deadlift, or a light Romanian deadlift.",
        "harder": "Add weight in small steps while the form stays the same.",
        "safety_notes": (
            "Learn the deadlift with a light weight and a flat back, ideally with a coach "
            "watching. End the set if your back rounds or you feel sharp pain."
        ),
        "sets": 3,
        "reps_min": 5,
        "rest_seconds": 120,
        "equipment": [["barbell"]],
        "primary": ["glutes", "hamstrings", "lumbar-erector-spinae"],
        "secondary": [
            "thoracic-erector-spinae",
            "upper-trapezius",
            "middle-trapezius",
            "latissimus-dorsi",
        ],
    },
    {
        "slug": "back-extension",
        "name": "Back extension",
        "kind": STRENGTH,
        "level": "beginner",
        "summary": (
            "Bending forward over a hyperextension bench or a stability ball, then lifting "
            "your upper body back up to a straight line. It strengthens the muscles along "
            "the spine and the glutes. At home, the floor version needs only a mat."
        ),
        "steps": [
            "Set the bench so the pad sits just below your hip bones, hook your heels under "
            "the foot pads and cross your arms over your chest.",
            "Lower your upper body forward by bending at the hips, keeping your back flat.",
            "Squeeze your glutes and lift your upper body until it is in line with your legs.",
            "Pause, then lower under control.",
        ],
        "cues": [
            "Move from the hips",
            "Rise only to a straight line, no further",
            "Squeeze the glutes",
            "Lower slowly",
        ],
        "mistakes": [
            "Swinging up fast",
            "Arching back past a straight line at the top",
            "Rounding the back on the way down",
        ],
        "easier": (
            "Floor back extension (superman): lie face down on a mat and lift your chest "
            "and legs a little off the floor."
        ),
        "harder": "Hold a weight plate against your chest.",
        "safety_notes": (
            "Stop at a straight line: bending back beyond it squeezes the lower back and "
            "adds nothing."
        ),
        "sets": 3,
        "reps_min": 10,
        "reps_max": 15,
        "rest_seconds": 60,
        "equipment": [["hyperextension-bench"], ["stability-ball"], ["mat"]],
        "primary": ["lumbar-erector-spinae", "glutes"],
        "secondary": ["thoracic-erector-spinae", "hamstrings"],
    },
    {
        "slug": "pull-up",
        "name": "Pull-up",
        "kind": STRENGTH,
        "level": "intermediate",
        "summary": (
            "Hanging from a bar and pulling your chest up toward it. It builds the lats, "
            "the mid-back and the biceps with nothing but your own body weight. Do as many "
            "good reps as you can, up to about eight, and vary the grip between sessions."
        ),
        "steps": [
            "Take the bar with your hands a little wider than your shoulders, palms facing "
            "away from you.",
            "Hang with straight arms and still legs, then draw your shoulder blades down.",
            "Pull your chest toward the bar until your chin clears it.",
            "Lower yourself under control to a full hang.",
            "From one session to the next, switch between this overhand grip, an underhand "
            "chin-up grip (palms toward you) and a neutral grip (palms facing each other).",
        ],
        "cues": [
            "Start from a full hang",
            "Shoulder blades down first",
            "Chest toward the bar",
            "No swinging or kicking",
            "Lower slowly",
        ],
        "mistakes": [
            "Swinging or kicking the legs to get up",
            "Half reps that never reach a full hang",
            "Dropping quickly on the way down",
            "Straining the chin up instead of lifting the chest",
        ],
        "easier": (
            "Band-assisted pull-ups, slow negatives (jump up, then lower slowly) or inverted "
            "rows under a low bar."
        ),
        "harder": "Add weight with a dip belt or a dumbbell held between the feet.",
        "safety_notes": (
            "Keep every rep controlled, with no swinging. If your shoulders hurt in the "
            "hang, build up with the easier versions first."
        ),
        "sets": 3,
        "reps_min": 5,
        "reps_max": 8,
        "rest_seconds": 90,
        "equipment": [["pull-up-bar"]],
        "primary": ["latissimus-dorsi"],
        "secondary": ["rhomboids", "middle-trapezius", "lower-trapezius", "biceps"],
    },
]

RED_FLAGS = [
    "chest pain or pressure",
    "breathlessness",
    "fever or feeling generally unwell",
    "weight loss you can't explain",
    "numbness, tingling or weakness in your arms or legs",
    "loss of bladder or bowel control",
    "pain that started after a fall or an accident",
]

# slug, title, applies to, tone, body
GUIDANCE = [
    (
        "how-often",
        "How often to train",
        "strength",
        "info",
        "Aim for two or three sessions a week, with at least one rest day between "
        "strength sessions so your muscles can recover and grow stronger.",
    ),
    (
        "stretch-daily",
        "Stretches can be daily",
        "mobility",
        "info",
        "Gentle stretches and mobility work are fine every day. A few minutes most days "
        "does more than one long session a week.",
    ),
    (
        "start-light",
        "Start light and build up slowly",
        "strength",
        "info",
        "If you are new to this, begin with light weights and learn good form first. Add "
        "weight, reps or sets a little at a time, only when every rep looks and feels right.",
    ),
    (
        "discomfort-or-pain",
        "Discomfort is normal; sharp pain is not",
        "all",
        "caution",
        "Mild discomfort, a good stretch or tired muscles are normal. Sharp or intense pain "
        "is a signal to stop that exercise straight away. Don't push through it.",
    ),
    (
        "what-to-expect",
        "What to expect",
        "all",
        "info",
        "Many people feel stronger and more flexible within a few weeks; the full benefits "
        "take a few months. Over time this work can improve posture, ease pain and tension, "
        "support a healthy spine, widen your range of motion, even out muscle imbalances, "
        "lower stress and help you breathe more freely.",
    ),
    (
        "consistency-and-posture",
        "Keep at it, and mind your posture",
        "all",
        "info",
        "Regular practice matters more than any single session. Through the day, notice "
        "how you sit and stand, especially at a desk: sit tall, let your shoulders rest "
        "back and down, and get up to move now and then.",
    ),
    (
        "see-a-professional",
        "When to see a professional",
        "all",
        "caution",
        "See a doctor, physiotherapist or chiropractor if your pain lasts or keeps getting "
        "worse, if it began after an accident or injury, or before you start if you have a "
        "known back, heart or joint condition.",
    ),
    (
        "seek-medical-help",
        "Seek medical help promptly",
        "all",
        "urgent",
        "Don't exercise, and get medical help promptly, if back pain comes with any of "
        "these: "
        + "; ".join(RED_FLAGS)
        + ". Chest pain, above all with breathlessness, sweating or pain spreading into the "
        "arm or jaw, is an emergency: call your local emergency number. This is general "
        "guidance to help you decide when to get checked, not a diagnosis.",
    ),
]


# Each movement's "equipment" lists its options: the pieces in one option are needed together,
# and any one option will do (a cable machine with a rope attachment, or a resistance band).
EQUIPMENT_OPTIONS = {data["slug"]: data["equipment"] for data in EXERCISES}


def load(apps, schema_editor):
    Equipment = apps.get_model("exercises", "Equipment")
    Muscle = apps.get_model("exercises", "Muscle")
    Exercise = apps.get_model("exercises", "Exercise")
    Step = apps.get_model("exercises", "Step")
    Target = apps.get_model("exercises", "Target")
    Guidance = apps.get_model("exercises", "Guidance")

    equipment = {}
    for slug, name, at_home in EQUIPMENT:
        equipment[slug], _ = Equipment.objects.get_or_create(
            slug=slug, defaults={"name": name, "at_home": at_home}
        )

    muscles = {}
    for slug, name, region, is_mid_back in MUSCLES:
        muscles[slug], _ = Muscle.objects.get_or_create(
            slug=slug, defaults={"name": name, "region": region, "is_mid_back": is_mid_back}
        )

    for data in EXERCISES:
        exercise, created = Exercise.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "kind": data["kind"],
                "name": data["name"],
                "level": data["level"],
                "summary": data["summary"],
                "cues": "\n".join(data["cues"]),
                "mistakes": "\n".join(data["mistakes"]),
                "easier": data["easier"],
                "harder": data["harder"],
                "safety_notes": data["safety_notes"],
                "sets": data["sets"],
                "reps_min": data.get("reps_min"),
                "reps_max": data.get("reps_max"),
                "hold_seconds": data.get("hold_seconds"),
                "per_side": data.get("per_side", False),
                "rest_seconds": data["rest_seconds"],
                "is_published": True,
            },
        )
        if not created:
            continue  # an editor may have changed it: leave it alone
        Step.objects.bulk_create(
            Step(exercise=exercise, position=number, text=text)
            for number, text in enumerate(data["steps"], start=1)
        )
        Target.objects.bulk_create(
            [Target(exercise=exercise, muscle=muscles[s], role="primary") for s in data["primary"]]
            + [
                Target(exercise=exercise, muscle=muscles[s], role="secondary")
                for s in data["secondary"]
            ]
        )
        _link_equipment(apps, exercise, [[equipment[s] for s in o] for o in data["equipment"]])

    for position, (slug, title, applies_to, tone, body) in enumerate(GUIDANCE, start=1):
        Guidance.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "body": body,
                "applies_to": applies_to,
                "tone": tone,
                "position": position * 10,
            },
        )


def _link_equipment(apps, exercise, options):
    try:
        Link = apps.get_model("exercises", "ExerciseEquipment")
    except LookupError:  # 0002 runs before 0008 gave equipment its options
        exercise.equipment.set([piece for option in options for piece in option])
        return
    Link.objects.bulk_create(
        Link(exercise=exercise, equipment=piece, option=number)
        for number, option in enumerate(options, start=1)
        for piece in option
    )
