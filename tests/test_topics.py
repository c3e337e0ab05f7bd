"""Topic classifier: the shipped numpy model on Arabic text written for these tests."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np

from marsad.annotate.topics import classify
from marsad.topics.features import features
from marsad.topics.model import TopicModel, model

SPORT = (
    "فاز فريق ريال مدريد على برشلونة بهدفين مقابل هدف في مباراة الدوري الإسباني لكرة القدم، "
    "وسجل المهاجم هدف الفوز في الدقيقة الأخيرة، ليتصدر الفريق جدول الترتيب قبل خمس جولات من النهاية. "
    "وقال المدرب إن اللاعبين قدموا مباراة كبيرة أمام الجماهير."
)
ECONOMY = (
    "ارتفعت أسعار النفط في الأسواق العالمية بعد أن قررت منظمة أوبك خفض الإنتاج، وصعد خام برنت إلى 80 دولارا للبرميل. "
    "وتراجعت أسهم البنوك في البورصة، بينما قال البنك المركزي إنه سيبقي أسعار الفائدة دون تغيير لمواجهة التضخم."
)
TECH = (
    "أطلقت شركة آبل تحديثا جديدا لنظام تشغيل هواتف آيفون يضيف ميزات للذكاء الاصطناعي وحماية بيانات المستخدمين، "
    "وقالت الشركة إن التطبيقات لن تصل إلى الموقع دون إذن، فيما تعمل غوغل على تحديث مماثل لهواتف أندرويد."
)


def test_shipped_model_loads_without_pickle():
    path = Path(__file__).resolve().parents[1] / "src" / "marsad" / "models" / "topics" / "model.npz"
    assert path.stat().st_size < 5_000_000
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
    assert {"vocab.npy", "idf.npy", "coef.npy", "intercept.npy", "labels.npy"} <= names
    np.load(path, allow_pickle=False)  # raises if anything needs pickle
    m = model()
    assert set(m.labels) >= {"international", "middle-east", "economy", "sport", "technology", "culture"}


def test_clear_cases():
    assert classify("ريال مدريد يهزم برشلونة", SPORT)[0].label == "sport"
    assert classify("النفط يرتفع", ECONOMY)[0].label == "economy"
    assert classify("تحديث جديد لآيفون", TECH)[0].label == "technology"


def test_scores_are_probabilities():
    t = classify(None, SPORT, top=6)
    assert abs(sum(x.score for x in t) - 1.0) < 1e-3
    assert t == sorted(t, key=lambda x: -x.score)


def test_outlet_names_are_not_features():
    f = features("خبر", "دبي، الإمارات العربية المتحدة (CNN)-- قال مراسل سكاي نيوز عربية إن بي بي سي نشرت الخبر")
    assert not any(x in ("cnn", "bbc") for x in f)
    assert not any(x.startswith(("سجي", "نيز")) for x in f)  # variant keys of سكاي نيوز


def test_save_and_load_round_trip(tmp_path):
    m = model()
    p = tmp_path / "m.npz"
    m.save(p)
    m2 = TopicModel.load(p)
    f = features(None, ECONOMY)
    assert np.allclose(m.scores(f), m2.scores(f), atol=1e-3)


def test_seed_topic(seed_article):
    assert seed_article.topics[0].label == "international"


def test_train_topics_bad_corpus_is_one_line_error(tmp_path):
    p = subprocess.run([sys.executable, "-m", "marsad.cli", "train", "topics", "--ant", str(tmp_path / "none")],
                       capture_output=True, text=True)
    assert p.returncode == 1
    assert "Traceback" not in p.stderr and "no ANT corpus" in (p.stderr + p.stdout)
